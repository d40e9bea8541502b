using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A call passing through the outgoing filters; the last stage delivers it to the catalog.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class OutgoingGrainCallContext<TResult> : GrainCallContext<TResult>
{
    private readonly IOutgoingGrainCallFilter[] _filters;
    private readonly ActivationCatalog _catalog;

    private OutgoingGrainCallContext(IOutgoingGrainCallFilter[] filters, ActivationCatalog catalog, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
        : base(targetId, request, cancellationToken)
    {
        _filters = filters;
        _catalog = catalog;
    }

    protected override int FilterCount => _filters.Length;

    /// <summary>Runs the filters and the call.</summary>
    /// <param name="filters">The filters, in order.</param>
    /// <param name="catalog">Delivers the call.</param>
    /// <param name="targetId">The grain.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns>The result the chain produced.</returns>
    public static ValueTask<TResult> InvokeAsync(
        IOutgoingGrainCallFilter[] filters, ActivationCatalog catalog, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
        => new OutgoingGrainCallContext<TResult>(filters, catalog, targetId, request, cancellationToken).RunChainAsync();

    protected override ValueTask InvokeFilterAsync(int index) => _filters[index].InvokeAsync(this);

    protected override ValueTask<TResult> InvokeTargetAsync() => _catalog.InvokeAsync(TargetId, TypedRequest, CancellationToken);
}
