using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Hosting;

public sealed class LocalSiloTests
{
    [Fact]
    public async Task Graceful_stop_rejects_new_calls_finishes_running_ones_and_deactivates_everything_with_ShuttingDown()
    {
        await using var harness = new SiloHarness();
        await harness.Silo.StartAsync(CancellationToken.None);
        await harness.Grain("a").CallAsync(Calls.Write());
        await harness.Grain("b").CallAsync(Calls.Write());
        var gate = new TestGate();
        var running = harness.Grain("c").CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        var queued = harness.Grain("c").CallAsync(Calls.Write()).AsTask();

        var stopping = harness.Silo.StopAsync(CancellationToken.None);
        var rejection = await Assert.ThrowsAsync<GrainCallRejectedException>(() => harness.Grain("d").CallAsync(Calls.Write()).AsTask());
        Assert.False(stopping.IsCompleted);
        gate.Open();
        await stopping;

        Assert.Equal(RejectionReason.Unavailable, rejection.Reason);
        Assert.Equal(1, await running);
        Assert.Equal(2, await queued);
        Assert.Equal(0, harness.Silo.ActivationCount);
        Assert.Equal(["a", "b", "c"], harness.Probe.Deactivations.Select(d => d.Key).Order());
        Assert.All(harness.Probe.Deactivations, d => Assert.Equal(DeactivationReason.ShuttingDown, d.Reason));
    }

    [Fact]
    public async Task DeactivateAllAsync_with_a_filter_deactivates_only_the_selected_grains()
    {
        await using var harness = new SiloHarness();
        await harness.Grain("keep").CallAsync(Calls.Write());
        await harness.Grain("drop").CallAsync(Calls.Write());

        await harness.Silo.DeactivateAllAsync(DeactivationReason.Cleared, id => id.Key == "drop");

        Assert.Equal([SiloHarness.ProbeId("keep")], harness.Silo.GetActiveGrains());
        Assert.Equal(DeactivationReason.Cleared, Assert.Single(harness.Probe.Deactivations).Reason);
    }
}
