using Microsoft.Extensions.DependencyInjection;

using Orleans.Caching.Tests.Memoize;

namespace Orleans.Caching.Tests.Interception;

/// <summary>A container whose default <see cref="Cache"/> is a SimpleCache on a fake clock, plus a keyed cache "other".</summary>
public sealed class InterceptionHarness : IDisposable
{
    public InterceptionHarness(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Memo.Cache);
        services.AddKeyedSingleton("other", Other.Cache);
        configure(services);
        Services = services.BuildServiceProvider();
    }

    public MemoizeHarness Memo { get; } = new();

    public MemoizeHarness Other { get; } = new();

    public Cache Cache => Memo.Cache;

    public ServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull
        => Services.GetRequiredService<T>();

    public static T TargetOf<T>(object proxy)
        => (T)((Castle.DynamicProxy.IProxyTargetAccessor)proxy).DynProxyGetTarget()!;

    public void Dispose() => Services.Dispose();
}
