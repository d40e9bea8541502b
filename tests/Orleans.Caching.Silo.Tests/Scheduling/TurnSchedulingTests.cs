using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Grains;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Scheduling;

public sealed class TurnSchedulingTests
{
    [Fact]
    public async Task A_thousand_concurrent_increments_count_exactly_a_thousand_without_overlapping_turns()
    {
        await using var harness = new SiloHarness();
        var counter = harness.Factory.GetGrain<ICounterGrain>("hits");

        var increments = Enumerable.Range(0, 1_000).Select(_ => Task.Run(() => counter.IncrementAsync().AsTask())).ToArray();
        int[] results = await Task.WhenAll(increments);

        Assert.Equal(1_000, await counter.GetAsync());
        Assert.Equal(Enumerable.Range(1, 1_000), results.Order());
        Assert.Equal(0, harness.Monitor.Overlaps);
    }

    [Fact]
    public async Task Read_only_requests_run_together_while_a_write_waits_for_them()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("shared");
        await grain.CallAsync(Calls.Write());
        var readGate = new TestGate();
        bool writeRan = false;

        var firstRead = grain.CallAsync(Calls.Read(readGate)).AsTask();
        var secondRead = grain.CallAsync(Calls.Read(readGate)).AsTask();
        await readGate.WaitForEnteredAsync(2);
        var write = grain.CallAsync(Calls.Write(body: () => writeRan = true)).AsTask();

        Assert.Equal(2, readGate.MaxInside);
        Assert.Equal(1, harness.Queued("shared"));
        Assert.False(write.IsCompleted);
        Assert.False(writeRan);
        readGate.Open();

        Assert.Equal(1, await firstRead);
        Assert.Equal(1, await secondRead);
        Assert.Equal(2, await write);
    }

    [Fact]
    public async Task A_waiting_write_holds_back_later_reads()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("fifo");
        var readGate = new TestGate();
        var lateRead = new TestGate();

        var firstRead = grain.CallAsync(Calls.Read(readGate)).AsTask();
        await readGate.WaitForEnteredAsync();
        var write = grain.CallAsync(Calls.Write()).AsTask();
        var secondRead = grain.CallAsync(Calls.Read(lateRead)).AsTask();

        // Admission is decided synchronously in the call: both are queued, the read behind the write.
        Assert.Equal(2, harness.Queued("fifo"));
        Assert.Equal(0, lateRead.Entered);
        readGate.Open();
        lateRead.Open();

        Assert.Equal(0, await firstRead);
        Assert.Equal(1, await write);
        Assert.Equal(1, await secondRead);
    }

    [Fact]
    public async Task A_full_queue_rejects_the_call_as_overloaded_without_running_it()
    {
        await using var harness = new SiloHarness(options => options.MaxQueuedRequestsPerActivation = 2);
        var grain = harness.Grain("busy");
        var gate = new TestGate();
        await grain.CallAsync(Calls.ActivationNumber());
        var running = grain.CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        var queued = new[] { grain.CallAsync(Calls.Write()).AsTask(), grain.CallAsync(Calls.Write()).AsTask() };
        var rejected = Calls.Write();

        var error = await Assert.ThrowsAsync<GrainOverloadedException>(() => grain.CallAsync(rejected).AsTask());
        gate.Open();
        await Task.WhenAll(queued.Append(running));

        Assert.Equal(RejectionReason.Overloaded, error.Reason);
        Assert.Equal(0, rejected.Runs);
        Assert.Equal(3, await grain.CallAsync(Calls.Read()));
    }

    [Fact]
    public async Task A_request_cancelled_while_queued_never_runs()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("cancel");
        var gate = new TestGate();
        var running = grain.CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        using var cancellation = new CancellationTokenSource();
        var doomed = Calls.Write();
        var queued = grain.CallAsync(doomed, cancellation.Token).AsTask();

        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        gate.Open();

        Assert.Equal(1, await running);
        Assert.Equal(1, await grain.CallAsync(Calls.Read()));
        Assert.Equal(0, doomed.Runs);
    }

    [Fact]
    public async Task A_request_waiting_to_run_again_does_not_block_other_requests()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("lease");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = new ProbeRequest<int>("TakeWhenReady", (g, _) => ValueTask.FromResult(ready.Task.IsCompleted ? g.Value : -1))
        {
            RunAgainWhen = result => result == -1 ? ready.Task : null,
        };

        var waiting = grain.CallAsync(waiter).AsTask();
        Assert.Equal(1, await grain.CallAsync(Calls.Write()));
        Assert.Equal(2, await grain.CallAsync(Calls.Write()));
        Assert.False(waiting.IsCompleted);
        ready.SetResult();

        Assert.Equal(2, await waiting);
        Assert.Equal(2, waiter.Runs);
    }

    [Fact]
    public async Task Cancelling_a_request_that_waits_to_run_again_ends_the_wait()
    {
        await using var harness = new SiloHarness();
        var grain = harness.Grain("lease-cancel");
        var never = new TaskCompletionSource();
        var waiter = new ProbeRequest<int>("TakeWhenReady", (_, _) => ValueTask.FromResult(-1)) { RunAgainWhen = _ => never.Task };
        using var cancellation = new CancellationTokenSource();

        var waiting = grain.CallAsync(waiter, cancellation.Token).AsTask();
        await grain.CallAsync(Calls.Read());
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, waiter.Runs);
    }
}
