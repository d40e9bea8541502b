using System.Diagnostics.Metrics;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Cached;

[CollectionDefinition(nameof(CachedMetricsTests), DisableParallelization = true)]
public sealed class CachedMetricsCollection;

[Collection(nameof(CachedMetricsTests))]
public sealed class CachedMetricsTests
{
    [Fact]
    public void Hits_misses_and_swallowed_failures_are_counted_with_the_decorator_tag()
    {
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrleansCachingDiagnostics.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag is { Key: OrleansCachingDiagnostics.DecoratorTag, Value: "cached" })
                {
                    lock (counts)
                    {
                        counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
                    }
                }
            }
        });
        listener.Start();

        var clock = new FakeTimeProvider();
        Cache cache = CachedTestCaches.Create(clock);
        CachedFunction<Func<int>> function = cache.Cached<Func<int>>(() => 1, new CachedOptions { KeyPrefix = "metrics" });
        function.Invoke();
        function.Invoke();
        function.Invoke();
        var broken = new Cache(new FailingBackend(clock), timeProvider: clock);
        broken.Cached<Func<int>>(() => 1).Invoke();

        Assert.Equal(1, counts.GetValueOrDefault(OrleansCachingDiagnostics.DecoratorMisses));
        Assert.Equal(2, counts.GetValueOrDefault(OrleansCachingDiagnostics.DecoratorHits));
        Assert.Equal(1, counts.GetValueOrDefault(OrleansCachingDiagnostics.DecoratorErrors));
    }
}
