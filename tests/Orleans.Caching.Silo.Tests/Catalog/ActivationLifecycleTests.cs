using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Catalog;

public sealed class ActivationLifecycleTests
{
    [Fact]
    public async Task Hundred_concurrent_first_calls_create_one_activation()
    {
        await using var harness = new SiloHarness();
        var gate = new TestGate();
        harness.Probe.ActivationGate = gate;

        var calls = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => harness.Grain("once").CallAsync(Calls.ActivationNumber()).AsTask()))
            .ToArray();
        await gate.WaitForEnteredAsync();
        gate.Open();
        int[] numbers = await Task.WhenAll(calls);

        Assert.Equal(1, harness.Probe.ActivationsOf("once"));
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, harness.Silo.ActivationCount);
    }

    [Fact]
    public async Task State_is_loaded_before_the_first_request_runs()
    {
        await using var harness = new SiloHarness();
        harness.Probe.LoadState = true;
        harness.Storage.Put(SiloHarness.ProbeId("stored"), "from storage");
        var readGate = new TestGate();
        harness.Storage.ReadGate = readGate;

        var first = harness.Grain("stored").CallAsync(Calls.Loaded()).AsTask();
        await readGate.WaitForEnteredAsync();
        var second = harness.Grain("stored").CallAsync(Calls.Loaded()).AsTask();
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        readGate.Open();

        Assert.Equal("from storage", await first);
        Assert.Equal("from storage", await second);
        Assert.Equal(1, harness.Storage.Reads);
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_caller_and_the_activation_stays_usable()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("throws");
        int before = await grain.CallAsync(Calls.ActivationNumber());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.CallAsync(Calls.Throw(new InvalidOperationException("boom"))).AsTask());

        Assert.Equal("boom", error.Message);
        Assert.Equal(before, await grain.CallAsync(Calls.ActivationNumber()));
        Assert.Empty(harness.Probe.Deactivations);
    }

    [Fact]
    public async Task An_inconsistent_state_exception_deactivates_the_activation_after_answering()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("conflict");
        int before = await grain.CallAsync(Calls.ActivationNumber());

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.CallAsync(Calls.Throw(new InconsistentStateException())).AsTask());
        var deactivation = await harness.Probe.WaitForDeactivationAsync("conflict");

        Assert.Equal(DeactivationReason.InconsistentState, deactivation.Reason);
        Assert.Equal(before, deactivation.ActivationNumber);
        Assert.True(await grain.CallAsync(Calls.ActivationNumber()) > before);
    }

    [Fact]
    public async Task A_failed_activation_rejects_its_queued_calls_and_the_next_call_retries()
    {
        await using var harness = new SiloHarness();
        var gate = new TestGate();
        var cause = new IOException("storage down");
        harness.Probe.ActivationGate = gate;
        harness.Probe.ActivationFailure = _ => cause;
        var grain = harness.Grain("fails");

        var queued = Enumerable.Range(0, 3).Select(_ => grain.CallAsync(Calls.Write()).AsTask()).ToArray();
        await gate.WaitForEnteredAsync();
        gate.Open();

        foreach (var call in queued)
        {
            var rejection = await Assert.ThrowsAsync<GrainCallRejectedException>(() => call);
            Assert.Equal(RejectionReason.ActivationFailed, rejection.Reason);
            Assert.Same(cause, rejection.InnerException);
        }

        harness.Probe.ActivationFailure = null;
        Assert.Equal(1, await grain.CallAsync(Calls.Write()));
        Assert.Equal(2, harness.Probe.ActivationsOf("fails"));
    }

    [Fact]
    public async Task DeactivateOnIdle_ends_the_activation_after_the_current_request()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("requested");
        int first = await grain.CallAsync(new Grains.ProbeRequest<int>("Leave", (g, _) =>
        {
            g.Context.DeactivateOnIdle();
            return ValueTask.FromResult(g.ActivationNumber);
        }));

        var deactivation = await harness.Probe.WaitForDeactivationAsync("requested");

        Assert.Equal(DeactivationReason.Requested, deactivation.Reason);
        Assert.True(await grain.CallAsync(Calls.ActivationNumber()) > first);
    }

    [Fact]
    public async Task Requests_arriving_during_deactivation_run_on_a_fresh_activation()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("handover");
        var gate = new TestGate();
        int first = await grain.CallAsync(Calls.ActivationNumber());
        var running = grain.CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();

        var deactivation = harness.Silo.DeactivateAllAsync(DeactivationReason.Cleared);
        var arriving = grain.CallAsync(Calls.ActivationNumber()).AsTask();
        Assert.False(deactivation.IsCompleted);
        gate.Open();

        Assert.Equal(1, await running);
        await deactivation;
        Assert.True(await arriving > first);
        Assert.Equal(DeactivationReason.Cleared, (await harness.Probe.WaitForDeactivationAsync("handover")).Reason);
    }

    [Fact]
    public async Task A_call_to_an_unregistered_grain_type_is_rejected_as_a_bad_request()
    {
        await using var harness = new SiloHarness();
        var invoker = (IGrainCallInvoker)harness.Services.GetService(typeof(IGrainCallInvoker))!;

        var rejection = await Assert.ThrowsAsync<GrainCallRejectedException>(
            () => invoker.InvokeAsync(GrainId.Create("nobody", "k"), Calls.ActivationNumber(), CancellationToken.None).AsTask());

        Assert.Equal(RejectionReason.BadRequest, rejection.Reason);
    }
}
