using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A call passing through the incoming filters inside the activation's turn; the last stage runs the grain method.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class IncomingGrainCallContext<TResult> : GrainCallContext<TResult>
{
    private readonly IIncomingGrainCallFilter[] _filters;
    private readonly object _grain;

    private IncomingGrainCallContext(IIncomingGrainCallFilter[] filters, GrainId targetId, object grain, GrainRequest<TResult> request, CancellationToken cancellationToken)
        : base(targetId, request, cancellationToken)
    {
        _filters = filters;
        _grain = grain;
    }

    protected override int FilterCount => _filters.Length;

    /// <summary>Runs the filters and the grain method.</summary>
    /// <param name="filters">The filters, in order.</param>
    /// <param name="targetId">The grain.</param>
    /// <param name="grain">The grain instance.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns>The result the chain produced.</returns>
    public static ValueTask<TResult> InvokeAsync(
        IIncomingGrainCallFilter[] filters, GrainId targetId, object grain, GrainRequest<TResult> request, CancellationToken cancellationToken)
        => new IncomingGrainCallContext<TResult>(filters, targetId, grain, request, cancellationToken).RunChainAsync();

    protected override ValueTask InvokeFilterAsync(int index) => _filters[index].InvokeAsync(this);

    protected override ValueTask<TResult> InvokeTargetAsync() => TypedRequest.InvokeAsync(_grain, CancellationToken);
}
