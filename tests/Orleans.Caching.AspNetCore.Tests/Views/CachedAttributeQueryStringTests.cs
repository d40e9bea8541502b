using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Tests;

namespace Orleans.Caching.AspNetCore.Tests.Views;

public interface IQueryStringReport
{
    [Cached(60, QueryString = true)]
    string Build();
}

public sealed class QueryStringReport : IQueryStringReport
{
    private int _runs;

    public string Build() => (++_runs).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary><see cref="CachedAttribute.QueryString"/> (added for views) also applies to intercepted service methods in a request.</summary>
public sealed class CachedAttributeQueryStringTests
{
    [Fact]
    public async Task A_service_method_with_QueryString_is_keyed_by_the_ambient_requests_sorted_query()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton(new Cache(new SimpleCache(new SimpleCacheOptions(), clock), timeProvider: clock));
        services.AddMemoized<IQueryStringReport, QueryStringReport>();
        await using ServiceProvider provider = services.BuildServiceProvider();
        Cache cache = provider.GetRequiredService<Cache>();
        IQueryStringReport report = provider.GetRequiredService<IQueryStringReport>();
        string first;
        using (CacheRequestContext.Push("/works?b=1&a=2"))
        {
            first = report.Build();
        }

        using (CacheRequestContext.Push("/works?a=2&b=1"))
        {
            Assert.Equal(first, report.Build());
        }

        using (CacheRequestContext.Push("/works?a=3&b=1"))
        {
            Assert.NotEqual(first, report.Build());
        }

        string key = cache.Cached(() => 0, new CachedOptions { QueryString = true }).GetCacheKeyForPath("/works", "a=2&b=1");
        Assert.Equal(first, await cache.GetAsync<string>(key));
    }
}
