using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Grains;

/// <summary>A request running a test-supplied body on a <see cref="ProbeGrain"/>; optionally asks to run again off-turn.</summary>
public sealed class ProbeRequest<T>(string name, Func<ProbeGrain, CancellationToken, ValueTask<T>> body, bool readOnly = false) : GrainRequest<T>
{
    private int _runs;

    public override string MethodName => name;

    public override bool IsReadOnly => readOnly;

    public override Type InterfaceType => typeof(IProbeGrain);

    /// <summary>Gets or sets the rule for running again: returns the signal to wait for, or null for a final result.</summary>
    public Func<T, Task?>? RunAgainWhen { get; init; }

    public int Runs => Volatile.Read(ref _runs);

    public override ValueTask<T> InvokeAsync(object grain, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return body((ProbeGrain)grain, cancellationToken);
    }

    public override bool ShouldRunAgain(T result, out Task? signal)
    {
        signal = RunAgainWhen?.Invoke(result);
        return signal is not null;
    }
}
