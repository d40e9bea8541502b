namespace Orleans.Caching.Runtime;

/// <summary>A grain call returning <typeparamref name="TResult"/>: the typed path the runtime uses, free of boxing.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Runs the request on a grain instance inside the activation's turn.</summary>
    /// <param name="grain">The grain instance (of a class implementing <see cref="GrainRequest.InterfaceType"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    public abstract ValueTask<TResult> InvokeAsync(object grain, CancellationToken cancellationToken);

    /// <summary>
    /// Lets a request wait outside the grain's turn and then run again: when a result says "not yet" (a single-flight lease is
    /// held by another caller), the runtime awaits <paramref name="signal"/> without blocking the activation, then re-enqueues
    /// the same request. The default never retries.
    /// </summary>
    /// <param name="result">The result of the turn that just ran.</param>
    /// <param name="signal">Completes when running again is worthwhile.</param>
    /// <returns><see langword="true"/> to wait for <paramref name="signal"/> and run the request again.</returns>
    public virtual bool ShouldRunAgain(TResult result, out Task? signal)
    {
        signal = null;
        return false;
    }

    /// <inheritdoc/>
    public override async ValueTask<object?> InvokeUntypedAsync(object grain, CancellationToken cancellationToken)
        => await InvokeAsync(grain, cancellationToken).ConfigureAwait(false);
}
