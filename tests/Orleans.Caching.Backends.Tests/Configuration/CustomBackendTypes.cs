namespace Orleans.Caching.Tests.Configuration;

public sealed class GreetingService
{
    public string Greeting => "hello";
}

/// <summary>A backend factory constructed with DI.</summary>
public sealed class PrefixingBackendFactory : ICacheBackendFactory
{
    private readonly GreetingService _greeting;

    public PrefixingBackendFactory(GreetingService greeting) => _greeting = greeting;

    public ICacheBackend Create(CacheBackendFactoryContext context)
        => new SimpleCache(new SimpleCacheOptions { KeyPrefix = _greeting.Greeting + "_" + context.Args.FirstOrDefault() }, context.TimeProvider);
}

/// <summary>A backend with a static Create method, a constructor with DI services and args, and a static factory function.</summary>
public sealed class WrappingBackend : CacheBackend
{
    private readonly SimpleCache _inner = new();

    public WrappingBackend(GreetingService greeting, string label)
        : base(new CacheBackendOptions())
    {
        Label = greeting.Greeting + ":" + label;
    }

    private WrappingBackend(string label, CacheBackendOptions options)
        : base(options)
    {
        Label = label;
    }

    public string Label { get; }

    public static ICacheBackend NewWrapping(CacheBackendFactoryContext context) => new WrappingBackend("function:" + context.Name, context.BackendOptions);

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => _inner.GetAsync(key, cancellationToken);

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => _inner.SetAsync(key, value, timeout, cancellationToken);

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken)
        => _inner.AddAsync(key, value, timeout, cancellationToken);

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => _inner.HasAsync(key, cancellationToken);

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => _inner.ClearAsync(cancellationToken);
}

public sealed class StaticCreateBackend : CacheBackend
{
    private StaticCreateBackend(CacheBackendOptions options)
        : base(options)
    {
    }

    public static StaticCreateBackend Create(CacheBackendFactoryContext context) => new(context.BackendOptions);

    protected override ValueTask<byte[]?> GetCoreAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    protected override ValueTask<bool> SetCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    protected override ValueTask<bool> AddCoreAsync(string key, ReadOnlyMemory<byte> value, CacheTimeout timeout, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    protected override ValueTask<bool> DeleteCoreAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    protected override ValueTask<bool> HasCoreAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    protected override ValueTask<bool> ClearCoreAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
}

public sealed class NotABackend
{
    public static string Create(CacheBackendFactoryContext context) => context.Name;
}
