namespace Orleans.Caching.Runtime;

/// <summary>One call passing through <see cref="FilteredGrainCallInvoker"/>'s filters: each <see cref="InvokeAsync"/> runs the next filter,
/// the last stage the inner invoker, whose result lands in <see cref="Result"/>.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
internal sealed class OutgoingCallChain<TResult> : IGrainCallContext
{
    private readonly IOutgoingGrainCallFilter[] _filters;
    private readonly IGrainCallInvoker _inner;
    private readonly GrainRequest<TResult> _request;
    private int _stage;

    public OutgoingCallChain(IOutgoingGrainCallFilter[] filters, IGrainCallInvoker inner, GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        _filters = filters;
        _inner = inner;
        _request = request;
        TargetId = targetId;
        CancellationToken = cancellationToken;
    }

    public GrainId TargetId { get; }

    public GrainRequest Request => _request;

    public object? Result { get; set; }

    public CancellationToken CancellationToken { get; }

    public ValueTask InvokeAsync()
    {
        int stage = _stage++;
        return stage < _filters.Length ? _filters[stage].InvokeAsync(this) : InvokeInnerAsync();
    }

    public async ValueTask<TResult> RunAsync()
    {
        await InvokeAsync().ConfigureAwait(false);
        if (Result is TResult result)
        {
            return result;
        }

        if (Result is null && default(TResult) is null)
        {
            return default!;
        }

        throw new InvalidOperationException(
            $"A grain call filter left the result of {_request.MethodName} on {TargetId} as {Result?.GetType().Name ?? "null"}, but the method returns {typeof(TResult).Name}.");
    }

    private async ValueTask InvokeInnerAsync() => Result = await _inner.InvokeAsync(TargetId, _request, CancellationToken).ConfigureAwait(false);
}
