using Orleans.Caching.Runtime;
using Orleans.Caching.Silo.Tests.Grains;
using Orleans.Caching.Silo.Tests.Infrastructure;

namespace Orleans.Caching.Silo.Tests.Invocation;

public sealed class InvokerTests
{
    [Fact]
    public async Task A_call_without_a_response_within_the_timeout_fails_with_a_timeout_and_may_still_complete()
    {
        await using var harness = new SiloHarness(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        var grain = harness.Grain("slow");
        var gate = new TestGate();

        var call = grain.CallAsync(Calls.Write(gate)).AsTask();
        await gate.WaitForEnteredAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        gate.Open();

        Assert.Equal(RejectionReason.Timeout, timeout.Reason);
        Assert.Equal(SiloHarness.ProbeId("slow"), timeout.GrainId);
        Assert.Equal(1, await grain.CallAsync(Calls.Read()));
    }

    [Fact]
    public async Task The_factory_rejects_an_unregistered_interface()
    {
        await using var harness = new SiloHarness();

        var error = Assert.Throws<ArgumentException>(() => harness.Factory.GetGrain<IUnregisteredGrain>("k"));

        Assert.Contains(nameof(IUnregisteredGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_carry_the_grain_identity_of_their_interface_and_key()
    {
        await using var harness = new SiloHarness();

        var reference = (GrainReference)harness.Factory.GetGrain<ICounterGrain>("abc");

        Assert.Equal(new GrainId(CounterGrain.GrainType, "abc"), reference.GrainId);
    }

    public interface IUnregisteredGrain : IGrainWithStringKey
    {
    }
}
