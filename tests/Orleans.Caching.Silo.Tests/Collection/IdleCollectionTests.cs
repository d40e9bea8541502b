using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Collection;

public sealed class IdleCollectionTests
{
    private static void TenMinuteAge(SiloOptions options)
    {
        options.CollectionAge = TimeSpan.FromMinutes(10);
        options.CollectionQuantum = TimeSpan.FromMinutes(1);
    }

    [Fact]
    public async Task Idle_activations_are_collected_after_the_collection_age_and_a_later_call_reactivates_them()
    {
        await using var harness = new SiloHarness(TenMinuteAge);
        await harness.Silo.StartAsync(CancellationToken.None);
        int firstA = await harness.Grain("a").CallAsync(Calls.ActivationNumber());
        await harness.Grain("b").CallAsync(Calls.ActivationNumber());

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Grain("b").CallAsync(Calls.Write());
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        var collected = await harness.Probe.WaitForDeactivationAsync("a");

        Assert.Equal(DeactivationReason.Idle, collected.Reason);
        Assert.Equal(firstA, collected.ActivationNumber);
        Assert.Equal(ActivationState.Valid, harness.Catalog.TryGetActivation(SiloHarness.ProbeId("b"), out var b) ? b.State : default);

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DeactivationReason.Idle, (await harness.Probe.WaitForDeactivationAsync("b")).Reason);

        int secondA = await harness.Grain("a").CallAsync(Calls.ActivationNumber());
        Assert.True(secondA > firstA);
        Assert.Equal(2, harness.Probe.ActivationsOf("a"));
    }

    [Fact]
    public async Task An_activation_busy_at_its_due_time_is_not_collected()
    {
        await using var harness = new SiloHarness(options =>
        {
            TenMinuteAge(options);
            options.ResponseTimeout = Timeout.InfiniteTimeSpan;
        });
        await harness.Silo.StartAsync(CancellationToken.None);
        var gate = new TestGate();
        var running = harness.Grain("busy").CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();

        harness.Clock.Advance(TimeSpan.FromMinutes(12));

        Assert.Empty(harness.Probe.Deactivations);
        Assert.Equal(1, harness.Silo.ActivationCount);
        gate.Open();
        Assert.Equal(1, await running);
    }

    [Fact]
    public void The_wheel_rounds_due_times_up_to_the_quantum_and_pops_buckets_in_order()
    {
        var wheel = new CollectionWheel(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        long minute = TimeSpan.TicksPerMinute;

        Assert.Equal(11 * minute, wheel.DueTime(minute / 2));
        Assert.Equal(11 * minute, wheel.DueTime(minute));
        Assert.Equal(12 * minute, wheel.DueTime(minute + 1));
        Assert.False(wheel.TryTakeFirst(10 * minute, out _, out _));
    }
}
