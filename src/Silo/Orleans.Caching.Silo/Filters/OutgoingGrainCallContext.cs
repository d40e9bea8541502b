using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A call passing through the outgoing filters; the last stage delivers it to the catalog.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class OutgoingGrainCallContext<TResult> : IGrainCallContext
{
    private readonly IOutgoingGrainCallFilter[] _filters;
    private readonly ActivationCatalog _catalog;
    private readonly GrainRequest<TResult> _request;
    private int _stage;

    private OutgoingGrainCallContext(IOutgoingGrainCallFilter[] filters, ActivationCatalog catalog, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        _filters = filters;
        _catalog = catalog;
        _request = request;
        TargetId = targetId;
        CancellationToken = cancellationToken;
    }

    public GrainId TargetId { get; }

    public GrainRequest Request => _request;

    public object? Result { get; set; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Runs the filters and the call.</summary>
    /// <param name="filters">The filters, in order.</param>
    /// <param name="catalog">Delivers the call.</param>
    /// <param name="targetId">The grain.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns>The result the chain produced.</returns>
    public static async ValueTask<TResult> InvokeAsync(
        IOutgoingGrainCallFilter[] filters, ActivationCatalog catalog, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        var context = new OutgoingGrainCallContext<TResult>(filters, catalog, targetId, request, cancellationToken);
        await context.InvokeAsync().ConfigureAwait(false);
        return FilterResult.Unbox<TResult>(context.Result, request, targetId);
    }

    public ValueTask InvokeAsync()
    {
        int stage = _stage++;
        return stage < _filters.Length ? _filters[stage].InvokeAsync(this) : SendAsync();
    }

    private async ValueTask SendAsync() => Result = await _catalog.InvokeAsync(TargetId, _request, CancellationToken).ConfigureAwait(false);
}
