using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Collection;

public sealed class MemoryBudgetTests
{
    private const long GrainSize = 1_000;
    private const long PerActivation = ActivationCollector.ActivationOverheadBytes + GrainSize;

    [Fact]
    public async Task Over_budget_the_least_recently_used_idle_activations_are_evicted_first()
    {
        await using var harness = new SiloHarness(options => options.MaxMemoryBytes = 3 * PerActivation);
        foreach (string key in new[] { "a", "b", "c" })
        {
            await harness.Grain(key).CallAsync(Calls.SetSize(GrainSize));
            harness.Clock.Advance(1);
        }

        Assert.Equal(3 * PerActivation, harness.Silo.EstimatedMemoryBytes);
        await harness.Grain("a").CallAsync(Calls.Read());
        harness.Clock.Advance(1);
        await harness.Grain("d").CallAsync(Calls.SetSize(GrainSize));

        var evicted = await harness.Probe.WaitForDeactivationAsync("b");
        Assert.Equal(DeactivationReason.MemoryPressure, evicted.Reason);
        Assert.Equal(["b"], harness.Probe.Deactivations.Select(d => d.Key));
        Assert.Equal(["a", "c", "d"], harness.Silo.GetActiveGrains().Select(id => id.Key).Order());

        // b comes back with a fresh activation, which pushes out the next least recently used: c.
        harness.Clock.Advance(1);
        Assert.Equal(0, await harness.Grain("b").CallAsync(Calls.Read()));
        Assert.Equal(2, harness.Probe.ActivationsOf("b"));
        Assert.Equal(DeactivationReason.MemoryPressure, (await harness.Probe.WaitForDeactivationAsync("c")).Reason);
    }

    [Fact]
    public async Task A_busy_activation_is_never_evicted_for_memory()
    {
        await using var harness = new SiloHarness(options => options.MaxMemoryBytes = PerActivation);
        var gate = new TestGate();
        await harness.Grain("held").CallAsync(Calls.SetSize(GrainSize));
        var running = harness.Grain("held").CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        harness.Clock.Advance(1);

        await harness.Grain("other").CallAsync(Calls.SetSize(GrainSize));

        Assert.Equal(DeactivationReason.MemoryPressure, (await harness.Probe.WaitForDeactivationAsync("other")).Reason);
        Assert.DoesNotContain(harness.Probe.Deactivations, d => d.Key == "held");
        gate.Open();
        Assert.Equal(1, await running);
    }

    [Fact]
    public async Task Without_a_budget_nothing_is_evicted_however_large_the_grains_are()
    {
        await using var harness = new SiloHarness();
        await harness.Grain("x").CallAsync(Calls.SetSize(long.MaxValue / 4));
        await harness.Grain("y").CallAsync(Calls.SetSize(long.MaxValue / 4));

        Assert.Equal(0, harness.Collector.Collect());
        Assert.Equal(2, harness.Silo.ActivationCount);
        Assert.Empty(harness.Probe.Deactivations);
    }
}
