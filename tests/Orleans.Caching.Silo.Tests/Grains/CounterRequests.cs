using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>One request class per interface method: no reflection on the call path.</summary>
internal static class CounterRequests
{
    public sealed class Increment : GrainRequest<int>
    {
        public override string MethodName => nameof(ICounterGrain.IncrementAsync);

        public override Type InterfaceType => typeof(ICounterGrain);

        public override ValueTask<int> InvokeAsync(object grain, CancellationToken cancellationToken)
            => ((ICounterGrain)grain).IncrementAsync(cancellationToken);
    }

    /// <summary>Argument-free and read-only: one shared instance serves every call.</summary>
    public sealed class Get : GrainRequest<int>
    {
        public static readonly Get Instance = new();

        public override string MethodName => nameof(ICounterGrain.GetAsync);

        public override bool IsReadOnly => true;

        public override Type InterfaceType => typeof(ICounterGrain);

        public override ValueTask<int> InvokeAsync(object grain, CancellationToken cancellationToken)
            => ((ICounterGrain)grain).GetAsync(cancellationToken);
    }
}
