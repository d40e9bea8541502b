namespace Orleans.Caching.Runtime;

/// <summary>
/// A call passing through a filter chain: each <see cref="InvokeAsync"/> runs the next filter, and the last stage runs the
/// target (the grain method for incoming filters, delivery to the catalog for outgoing ones) and stores its result.
/// </summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal abstract class GrainCallContext<TResult> : IGrainCallContext
{
    private int _stage;

    protected GrainCallContext(GrainId targetId, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        TargetId = targetId;
        TypedRequest = request;
        CancellationToken = cancellationToken;
    }

    public GrainId TargetId { get; }

    public GrainRequest Request => TypedRequest;

    public object? Result { get; set; }

    public CancellationToken CancellationToken { get; }

    protected GrainRequest<TResult> TypedRequest { get; }

    protected abstract int FilterCount { get; }

    public ValueTask InvokeAsync()
    {
        int stage = _stage++;
        return stage < FilterCount ? InvokeFilterAsync(stage) : InvokeTargetAndStoreAsync();
    }

    /// <summary>Runs the whole chain and returns its result as the method's type.</summary>
    /// <returns>The result.</returns>
    protected async ValueTask<TResult> RunChainAsync()
    {
        await InvokeAsync().ConfigureAwait(false);
        return FilterResult.Unbox<TResult>(Result, Request, TargetId);
    }

    protected abstract ValueTask InvokeFilterAsync(int index);

    protected abstract ValueTask<TResult> InvokeTargetAsync();

    private async ValueTask InvokeTargetAndStoreAsync() => Result = await InvokeTargetAsync().ConfigureAwait(false);
}
