using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Orleans.Caching.Tests.Configuration;

public sealed class CountingSerializer : ICacheSerializer
{
    private readonly JsonCacheSerializer _json = new();

    public int Dumps { get; private set; }

    public int Loads { get; private set; }

    public byte[] Serialize(object? value, Type type)
    {
        Dumps++;
        return _json.Serialize(value, type);
    }

    public object? Deserialize(ReadOnlySpan<byte> data, Type type)
    {
        Loads++;
        return _json.Deserialize(data, type);
    }
}

public sealed class SerializerNeedingArguments : ICacheSerializer
{
    public SerializerNeedingArguments(int level) => Level = level;

    public int Level { get; }

    public byte[] Serialize(object? value, Type type) => [];

    public object? Deserialize(ReadOnlySpan<byte> data, Type type) => null;
}

public sealed class DuckTypedSerializer
{
    public byte[] Serialize(object? value, Type type) => [];
}

/// <summary>Records whether a backend factory ran.</summary>
public static class RecordingFactory
{
    public static int Calls;

    public static ICacheBackend Create(CacheBackendFactoryContext context)
    {
        Interlocked.Increment(ref Calls);
        return new SimpleCache();
    }
}

/// <summary>A Cache subclass (Flask's test_subclassed_cache_class).</summary>
public sealed class CustomCache : Cache
{
    public CustomCache(ICacheBackend backend)
        : base(backend)
    {
    }
}

/// <summary>Flask's newsimple factory: returns a subclass-like backend built from the context.</summary>
public static class NewSimple
{
    public static ICacheBackend Create(CacheBackendFactoryContext context) => new SimpleCache(new SimpleCacheOptions { KeyPrefix = "newsimple_" }, context.TimeProvider);
}

public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}
