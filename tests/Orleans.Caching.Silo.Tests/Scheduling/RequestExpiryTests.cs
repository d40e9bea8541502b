using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Grains;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Scheduling;

public sealed class RequestExpiryTests
{
    [Fact]
    public async Task A_queued_write_whose_time_to_live_runs_out_is_rejected_with_timeout_and_never_runs()
    {
        await using var harness = new SiloHarness();
        IProbeGrain grain = harness.Grain("blocked");
        var gate = new TestGate();
        bool expiredRan = false;
        bool patientRan = false;

        Task<int> blocking = grain.CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        Task<int> expiring = WithTimeToLive(100, () => grain.CallAsync(Calls.Write(body: () => expiredRan = true)));
        Task<int> patient = WithTimeToLive(60_000, () => grain.CallAsync(Calls.Write(body: () => patientRan = true)));
        Task<int> noDeadline = grain.CallAsync(Calls.Write()).AsTask();
        Assert.Equal(3, harness.Queued("blocked"));

        harness.Clock.Advance(TimeSpan.FromMilliseconds(150));
        gate.Open();

        Assert.Equal(1, await blocking);
        GrainCallRejectedException rejected = await Assert.ThrowsAnyAsync<GrainCallRejectedException>(() => expiring);
        Assert.Equal(RejectionReason.Timeout, rejected.Reason);
        Assert.Contains("time-to-live ran out", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(2, await patient);
        Assert.Equal(3, await noDeadline);
        Assert.False(expiredRan);
        Assert.True(patientRan);
        Assert.Equal(3, await grain.CallAsync(Calls.Read()));
        Assert.Equal(1, harness.Silo.ExpiredRequestCount);
    }

    [Fact]
    public async Task A_queued_request_still_within_its_time_to_live_runs()
    {
        await using var harness = new SiloHarness();
        IProbeGrain grain = harness.Grain("in-time");
        var gate = new TestGate();

        Task<int> blocking = grain.CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        Task<int> queued = WithTimeToLive(100, () => grain.CallAsync(Calls.Write()));
        harness.Clock.Advance(TimeSpan.FromMilliseconds(99));
        gate.Open();

        Assert.Equal(1, await blocking);
        Assert.Equal(2, await queued);
        Assert.Equal(0, harness.Silo.ExpiredRequestCount);
    }

    [Fact]
    public async Task A_request_that_runs_at_once_ignores_its_time_to_live()
    {
        await using var harness = new SiloHarness();
        IProbeGrain grain = harness.Grain("idle");

        int result = await WithTimeToLive(1, () => grain.CallAsync(Calls.Write()));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, result);
        Assert.Equal(1, await grain.CallAsync(Calls.Read()));
        Assert.Equal(0, harness.Silo.ExpiredRequestCount);
    }

    // The frame handler sets the time-to-live only around the synchronous delivery of a request, as here.
    private static Task<int> WithTimeToLive(uint milliseconds, Func<ValueTask<int>> call)
    {
        RequestTimeToLive.Current = milliseconds;
        try
        {
            return call().AsTask();
        }
        finally
        {
            RequestTimeToLive.Current = 0;
        }
    }
}
