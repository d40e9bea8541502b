using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Tests.Servers;

/// <summary>A typed view of a <see cref="ListLogger"/>.</summary>
public sealed class TypedLogger<T>(ListLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => inner.Log(logLevel, eventId, state, exception, formatter);
}
