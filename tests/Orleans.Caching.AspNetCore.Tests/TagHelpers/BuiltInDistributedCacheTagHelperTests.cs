using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.TagHelpers;

public abstract class BuiltInDistributedCacheTagHelperTests
{
    protected abstract CacheTarget CreateTarget();

    [Fact]
    public async Task The_distributed_cache_tag_helper_stores_its_fragment_in_the_orleans_cache()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp app = await FragmentApp.StartAsync(target, s => s.AddOrleansCachingDistributedCache(o => o.KeyPrefix = target.Prefix));
        Assert.Equal("OrleansDistributedCache", app.Services.GetRequiredService<IDistributedCache>().GetType().Name);

        Assert.Equal("v1", FragmentApp.Block(await app.GetStringAsync("/view/BuiltIn?somevar=v1"), "dc"));
        Assert.Equal("v1", FragmentApp.Block(await app.GetStringAsync("/view/BuiltIn?somevar=v2"), "dc"));

        // A second app on the same cache (another process, for the cluster) is served the same fragment.
        await using AdapterApp other = await FragmentApp.StartAsync(target, s => s.AddOrleansCachingDistributedCache(o => o.KeyPrefix = target.Prefix));
        Assert.Equal("v1", FragmentApp.Block(await other.GetStringAsync("/view/BuiltIn?somevar=v3"), "dc"));
    }

    [Fact]
    public async Task An_orleans_cache_fragment_rendered_by_one_app_is_served_to_another()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp first = await FragmentApp.StartAsync(target);
        await using AdapterApp second = await FragmentApp.StartAsync(target);
        await target.Cache.DeleteAsync(TemplateFragmentKey.Make("fragment3"));

        await first.GetStringAsync("/view/MoreFragments?somevar=first");
        Assert.Equal("first", FragmentApp.Block(await second.GetStringAsync("/view/MoreFragments?somevar=second"), "3"));
        await target.Cache.DeleteAsync(TemplateFragmentKey.Make("fragment3"));
    }
}

public sealed class LocalBuiltInDistributedCacheTagHelperTests : BuiltInDistributedCacheTagHelperTests
{
    protected override CacheTarget CreateTarget() => CacheTarget.Local();
}

[Collection(AdapterClusterCollection.Name)]
public sealed class ClusterBuiltInDistributedCacheTagHelperTests(AdapterClusterFixture fixture) : BuiltInDistributedCacheTagHelperTests
{
    protected override CacheTarget CreateTarget() => CacheTarget.Cluster(fixture);
}
