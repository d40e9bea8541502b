using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Logging;

/// <summary>An <see cref="ILogger"/> that records every entry, for assertions on EventIds and levels.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<LogEntry> WithEventId(int id) => Entries.Where(e => e.EventId.Id == id).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new LogEntry(logLevel, eventId, formatter(state, exception), exception);
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
