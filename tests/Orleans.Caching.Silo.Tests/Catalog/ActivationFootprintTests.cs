using Orleans.Caching.Silo.Tests.Grains;
using Orleans.Caching.Silo.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orleans.Caching.Silo.Tests.Catalog;

public sealed class ActivationFootprintTests(ITestOutputHelper output)
{
    private const int Activations = 200_000;

    // CounterGrain: object header and method table (16) + Grain._context (8) + monitor (8) + bool and int (8).
    private const int GrainObjectBytes = 40;

    [Fact]
    public async Task Idle_activations_cost_a_few_hundred_bytes_of_runtime_overhead_each()
    {
        await using var harness = new SiloHarness();
        string[] keys = Enumerable.Range(0, Activations).Select(i => $"k{i}").ToArray();
        await harness.Factory.GetGrain<ICounterGrain>("warm-up").GetAsync();

        long before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (string key in keys)
        {
            await harness.Factory.GetGrain<ICounterGrain>(key).GetAsync();
        }

        long after = GC.GetTotalMemory(forceFullCollection: true);
        double perActivation = (after - before) / (double)Activations;
        double overhead = perActivation - GrainObjectBytes;
        output.WriteLine($"{Activations:N0} idle activations: {perActivation:F0} bytes each, {overhead:F0} bytes of runtime overhead beside the grain object.");

        Assert.Equal(Activations + 1, harness.Silo.ActivationCount);
        Assert.InRange(overhead, 1, 2_048);
        GC.KeepAlive(keys);
    }
}
