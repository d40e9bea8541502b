namespace Orleans.Caching.Runtime;

/// <summary>
/// Delivers grain calls: the in-process silo's dispatcher in <c>Local</c> mode, the cluster client's connections in
/// <c>Cluster</c> mode. Grain references call it; outgoing call filters wrap it.
/// </summary>
public interface IGrainCallInvoker
{
    /// <summary>Sends a request to a grain and returns its result.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="target">The grain.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels waiting for the result.</param>
    /// <returns>The result.</returns>
    /// <exception cref="GrainCallRejectedException">The runtime refused or could not deliver the call (overloaded, timed out, unavailable).</exception>
    ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken);
}
