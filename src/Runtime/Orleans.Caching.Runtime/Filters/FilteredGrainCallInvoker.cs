namespace Orleans.Caching.Runtime;

/// <summary>
/// Runs <see cref="IOutgoingGrainCallFilter"/>s, in registration order, around another <see cref="IGrainCallInvoker"/>: how a cluster client's
/// grain factory honours the outgoing filters a silo's local invoker runs. <see cref="Create"/> returns the inner invoker itself when there is
/// no filter, so an application without filters pays nothing.
/// </summary>
public sealed class FilteredGrainCallInvoker : IGrainCallInvoker
{
    private readonly IGrainCallInvoker _inner;
    private readonly IOutgoingGrainCallFilter[] _filters;

    private FilteredGrainCallInvoker(IGrainCallInvoker inner, IOutgoingGrainCallFilter[] filters)
    {
        _inner = inner;
        _filters = filters;
    }

    /// <summary>Wraps an invoker with filters, or returns it unchanged when there are none.</summary>
    /// <param name="inner">Delivers the calls.</param>
    /// <param name="filters">The filters, in the order they run.</param>
    /// <returns>The invoker to hand to grain references.</returns>
    public static IGrainCallInvoker Create(IGrainCallInvoker inner, IEnumerable<IOutgoingGrainCallFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(filters);
        IOutgoingGrainCallFilter[] array = [.. filters];
        return array.Length == 0 ? inner : new FilteredGrainCallInvoker(inner, array);
    }

    /// <inheritdoc/>
    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OutgoingCallChain<TResult>.InvokeAsync(_filters, _inner, target, request, cancellationToken);
    }
}
