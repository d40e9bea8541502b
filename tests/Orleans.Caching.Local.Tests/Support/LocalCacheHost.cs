using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Tests.Support;

/// <summary>An application with <c>services.AddOrleansCaching(configuration)</c> and nothing else, on a fake clock: its default cache is
/// Local unless the values name another type.</summary>
public sealed class LocalCacheHost : IAsyncDisposable
{
    public LocalCacheHost(Dictionary<string, string?>? values = null, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(values ?? []).Build());
        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public Cache Cache => Services.GetRequiredService<Cache>();

    public GrainCache Backend => Assert.IsType<GrainCache>(Cache.Backend);

    public LocalCacheSilo Silo
    {
        get
        {
            _ = Cache;
            return Services.GetRequiredService<LocalCacheSilo>();
        }
    }

    public static Dictionary<string, string?> FileSystemStorage(string directory, string persistence = "WriteThrough") => new()
    {
        ["Caching:Silo:Storage:Type"] = "FileSystemCache",
        ["Caching:Silo:Storage:Dir"] = directory,
        ["Caching:Silo:Storage:Threshold"] = "0",
        ["Caching:Silo:Persistence"] = persistence,
    };

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
