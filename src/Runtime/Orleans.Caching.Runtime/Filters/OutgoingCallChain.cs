namespace Orleans.Caching.Runtime;

/// <summary>One call passing through <see cref="FilteredGrainCallInvoker"/>'s filters: each <see cref="GrainCallContext{TResult}.InvokeAsync"/>
/// runs the next filter, the last stage the inner invoker, whose result lands in <see cref="GrainCallContext{TResult}.Result"/>.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
internal sealed class OutgoingCallChain<TResult> : GrainCallContext<TResult>
{
    private readonly IOutgoingGrainCallFilter[] _filters;
    private readonly IGrainCallInvoker _inner;

    private OutgoingCallChain(IOutgoingGrainCallFilter[] filters, IGrainCallInvoker inner, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
        : base(targetId, request, cancellationToken)
    {
        _filters = filters;
        _inner = inner;
    }

    /// <inheritdoc/>
    protected override int FilterCount => _filters.Length;

    /// <summary>Runs <paramref name="request"/> through <paramref name="filters"/> and then <paramref name="inner"/>.</summary>
    /// <param name="filters">The outgoing filters, in order.</param>
    /// <param name="inner">Delivers the call after the last filter.</param>
    /// <param name="targetId">The target grain.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result the chain left.</returns>
    public static ValueTask<TResult> InvokeAsync(
        IOutgoingGrainCallFilter[] filters, IGrainCallInvoker inner, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
        => new OutgoingCallChain<TResult>(filters, inner, targetId, request, cancellationToken).RunChainAsync();

    /// <inheritdoc/>
    protected override ValueTask InvokeFilterAsync(int index) => _filters[index].InvokeAsync(this);

    /// <inheritdoc/>
    protected override ValueTask<TResult> InvokeTargetAsync() => _inner.InvokeAsync(TargetId, TypedRequest, CancellationToken);
}
