using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>A call passing through the incoming filters inside the activation's turn; the last stage runs the grain method.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class IncomingGrainCallContext<TResult> : IGrainCallContext
{
    private readonly IIncomingGrainCallFilter[] _filters;
    private readonly object _grain;
    private readonly GrainRequest<TResult> _request;
    private int _stage;

    private IncomingGrainCallContext(IIncomingGrainCallFilter[] filters, GrainId targetId, object grain, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        _filters = filters;
        _grain = grain;
        _request = request;
        TargetId = targetId;
        CancellationToken = cancellationToken;
    }

    public GrainId TargetId { get; }

    public GrainRequest Request => _request;

    public object? Result { get; set; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Runs the filters and the grain method.</summary>
    /// <param name="filters">The filters, in order.</param>
    /// <param name="targetId">The grain.</param>
    /// <param name="grain">The grain instance.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">The call's token.</param>
    /// <returns>The result the chain produced.</returns>
    public static async ValueTask<TResult> InvokeAsync(
        IIncomingGrainCallFilter[] filters, GrainId targetId, object grain, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        var context = new IncomingGrainCallContext<TResult>(filters, targetId, grain, request, cancellationToken);
        await context.InvokeAsync().ConfigureAwait(false);
        return FilterResult.Unbox<TResult>(context.Result, request, targetId);
    }

    public ValueTask InvokeAsync()
    {
        int stage = _stage++;
        return stage < _filters.Length ? _filters[stage].InvokeAsync(this) : InvokeGrainAsync();
    }

    private async ValueTask InvokeGrainAsync() => Result = await _request.InvokeAsync(_grain, CancellationToken).ConfigureAwait(false);
}
