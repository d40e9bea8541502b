using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.OutputCaching;

/// <summary>The output cache over one kind of <see cref="Cache"/>; two apps on one target stand for two processes on one cluster.</summary>
public abstract class OutputCacheStoreTests
{
    protected abstract CacheTarget CreateTarget();

    [Theory]
    [InlineData("/policy")]
    [InlineData("/attribute")]
    public async Task A_cached_endpoint_is_served_from_the_store_to_every_app_on_the_cache(string path)
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp first = await OutputCacheApp.StartAsync(target, "first");
        await using AdapterApp second = await OutputCacheApp.StartAsync(target, "second");

        Assert.Equal("first:1", await first.GetStringAsync(path));
        Assert.Equal("first:1", await first.GetStringAsync(path));
        Assert.Equal("first:1", await second.GetStringAsync(path));
        Assert.IsType<OrleansOutputCacheStore>(second.Services.GetRequiredService<IOutputCacheStore>());
    }

    [Fact]
    public async Task Evicting_a_tag_in_one_app_removes_the_response_for_every_app()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp first = await OutputCacheApp.StartAsync(target, "first");
        await using AdapterApp second = await OutputCacheApp.StartAsync(target, "second");
        Assert.Equal("first:1", await first.GetStringAsync("/tagged"));
        Assert.Equal("first:1", await second.GetStringAsync("/tagged"));

        HttpResponseMessage evicted = await second.Client.PostAsync(new Uri("/evict", UriKind.Relative), null);
        Assert.True(evicted.IsSuccessStatusCode);

        Assert.Equal("first:2", await first.GetStringAsync("/tagged"));
        Assert.Equal("first:2", await second.GetStringAsync("/tagged"));
    }

    [Fact]
    public async Task A_response_expires_after_its_duration_on_the_clock()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp app = await OutputCacheApp.StartAsync(target, "app");
        Assert.Equal("app:1", await app.GetStringAsync("/short"));

        target.Clock.Advance(9);
        Assert.Equal("app:1", await app.GetStringAsync("/short"));

        target.Clock.Advance(2);
        Assert.Equal("app:2", await app.GetStringAsync("/short"));
    }

    [Fact]
    public async Task An_entry_with_an_evicted_tag_is_gone_from_the_backend_and_others_stay()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp app = await OutputCacheApp.StartAsync(target, "app");
        IOutputCacheStore store = app.Services.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("both", [1, 2, 3], ["red", "blue"], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("red-only", [4], ["red"], TimeSpan.FromMinutes(1), default);
        await store.SetAsync("untagged", [5], null, TimeSpan.FromMinutes(1), default);
        Assert.Equal([1, 2, 3], await store.GetAsync("both", default));

        await store.EvictByTagAsync("blue", default);

        Assert.Null(await store.GetAsync("both", default));
        Assert.False(await target.Cache.HasAsync(target.Prefix + "outputcache/entry/both"));
        Assert.Equal([4], await store.GetAsync("red-only", default));
        Assert.Equal([5], await store.GetAsync("untagged", default));

        await store.SetAsync("both", [6], ["red", "blue"], TimeSpan.FromMinutes(1), default);
        Assert.Equal([6], await store.GetAsync("both", default));
        await store.EvictByTagAsync("red", default);
        Assert.Null(await store.GetAsync("both", default));
        Assert.Null(await store.GetAsync("red-only", default));
    }

    [Fact]
    public async Task The_buffer_store_writes_the_body_into_the_pipe_and_expires_on_the_clock()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp app = await OutputCacheApp.StartAsync(target, "app");
        var store = (IOutputCacheBufferStore)app.Services.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("buffered", new ReadOnlySequence<byte>("hello"u8.ToArray()), new[] { "t" }, TimeSpan.FromSeconds(5), default);

        var pipe = new Pipe();
        Assert.True(await store.TryGetAsync("buffered", pipe.Writer, default));
        await pipe.Writer.CompleteAsync();
        ReadResult read = await pipe.Reader.ReadAsync();
        Assert.Equal("hello"u8.ToArray(), read.Buffer.ToArray());

        target.Clock.Advance(6);
        Assert.False(await store.TryGetAsync("buffered", new Pipe().Writer, default));
    }

    [Fact]
    public async Task Null_keys_and_tags_are_rejected_with_argument_errors()
    {
        await using CacheTarget target = CreateTarget();
        await using AdapterApp app = await OutputCacheApp.StartAsync(target, "app");
        IOutputCacheStore store = app.Services.GetRequiredService<IOutputCacheStore>();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetAsync(null!, default).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SetAsync(null!, [1], null, TimeSpan.FromSeconds(1), default).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.EvictByTagAsync(null!, default).AsTask());
    }
}

public sealed class LocalOutputCacheStoreTests : OutputCacheStoreTests
{
    protected override CacheTarget CreateTarget() => CacheTarget.Local();
}

[Collection(AdapterClusterCollection.Name)]
public sealed class ClusterOutputCacheStoreTests(AdapterClusterFixture fixture) : OutputCacheStoreTests
{
    protected override CacheTarget CreateTarget() => CacheTarget.Cluster(fixture);
}
