using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.TagHelpers;

public sealed class FragmentOutageTests
{
    [Fact]
    public async Task A_backend_outage_renders_every_fragment_uncached_and_logs_it()
    {
        await using CacheTarget target = CacheTarget.Outage(out OutageBackend backend);
        await using AdapterApp app = await FragmentApp.StartAsync(target);

        Assert.Equal("v1", FragmentApp.Block(await app.GetStringAsync("/view/Fragments?somevar=v1"), "a"));
        Assert.Equal("v2", FragmentApp.Block(await app.GetStringAsync("/view/Fragments?somevar=v2"), "a"));
        Assert.Equal("v3", FragmentApp.Block(await app.GetStringAsync("/view/Fragments?somevar=v3&timeout=del"), "d"));
        Assert.NotEmpty(app.Logs.WithEventId(7500));

        backend.Down = false;
        await app.GetStringAsync("/view/Fragments?somevar=v4");
        Assert.Equal("v4", FragmentApp.Block(await app.GetStringAsync("/view/Fragments?somevar=v5"), "a"));
    }
}
