using Microsoft.Extensions.Logging;
using Orleans.Caching.Tests.Logging;

namespace Orleans.Caching.Cluster.Tests.Membership;

/// <summary>An <see cref="ILogger{TCategoryName}"/> over a shared <see cref="ListLogger"/>.</summary>
internal sealed class LoggerOf<T>(ListLogger inner) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => inner.Log(logLevel, eventId, state, exception, formatter);
}
