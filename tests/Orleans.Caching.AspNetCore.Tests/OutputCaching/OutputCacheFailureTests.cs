using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.OutputCaching;

public sealed class OutputCacheFailureTests
{
    [Fact]
    public async Task A_response_over_the_value_limit_is_served_uncached_with_a_log_line()
    {
        await using CacheTarget target = CacheTarget.Local(new() { ["Caching:MaxValueBytes"] = "2048" });
        await using AdapterApp app = await OutputCacheApp.StartAsync(target, "big", bodyBytes: 4096);

        Assert.StartsWith("big:1", await app.GetStringAsync("/policy"), StringComparison.Ordinal);
        Assert.StartsWith("big:2", await app.GetStringAsync("/policy"), StringComparison.Ordinal);
        AssertTwoLogEntries(app, 7301, "TooLarge");
    }

    [Fact]
    public async Task A_backend_outage_serves_responses_uncached_and_a_failed_eviction_throws()
    {
        await using CacheTarget target = CacheTarget.Outage(out OutageBackend backend);
        await using AdapterApp app = await OutputCacheApp.StartAsync(target, "down");

        Assert.Equal("down:1", await app.GetStringAsync("/tagged"));
        Assert.Equal("down:2", await app.GetStringAsync("/tagged"));
        Assert.NotEmpty(app.Logs.WithEventId(7300));
        Assert.NotEmpty(app.Logs.WithEventId(7301));
        IOutputCacheStore store = app.Services.GetRequiredService<IOutputCacheStore>();
        await Assert.ThrowsAsync<CacheException>(() => store.EvictByTagAsync(OutputCacheApp.Tag, default).AsTask());

        backend.Down = false;
        Assert.Equal("down:3", await app.GetStringAsync("/tagged"));
        Assert.Equal("down:3", await app.GetStringAsync("/tagged"));
    }

    private static void AssertTwoLogEntries(AdapterApp app, int eventId, string exceptionTypeFragment)
    {
        IReadOnlyList<Orleans.Caching.Tests.Logging.LogEntry> entries = app.Logs.WithEventId(eventId);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Contains(exceptionTypeFragment, e.Exception?.GetType().Name ?? string.Empty, StringComparison.Ordinal));
    }
}
