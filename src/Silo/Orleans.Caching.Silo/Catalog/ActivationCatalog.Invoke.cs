using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Request routing: the grain's activation runs the request; a "not yet" result waits off-turn and runs again.</summary>
internal sealed partial class ActivationCatalog : IGrainCallInvoker
{
    /// <summary>Delivers a request to the grain's activation, creating it if needed; handles <see cref="GrainRequest{TResult}.ShouldRunAgain"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="grainId">The grain.</param>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels waiting (in the queue or for a re-run signal).</param>
    /// <returns>The final result.</returns>
    public ValueTask<TResult> InvokeAsync<TResult>(GrainId grainId, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        var call = InvokeOnceAsync(grainId, request, rerun: false, cancellationToken);
        if (call.IsCompletedSuccessfully)
        {
            var result = call.Result;
            if (!request.ShouldRunAgain(result, out var signal))
            {
                return new ValueTask<TResult>(result);
            }

            return RunAgainAsync(grainId, request, signal, cancellationToken);
        }

        return AwaitAndMaybeRunAgainAsync(grainId, request, call, cancellationToken);
    }

    /// <summary>Delivers a request once, without re-runs.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="grainId">The grain.</param>
    /// <param name="request">The call.</param>
    /// <param name="rerun">The request ran before (it waited off-turn, or its activation went away); it skips the queue limit.</param>
    /// <param name="cancellationToken">Cancels waiting in the queue.</param>
    /// <returns>The result of the turn.</returns>
    public ValueTask<TResult> InvokeOnceAsync<TResult>(GrainId grainId, GrainRequest<TResult> request, bool rerun, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<TResult>(cancellationToken);
        }

        if (_stopping)
        {
            return ValueTask.FromException<TResult>(new GrainCallRejectedException(
                RejectionReason.Unavailable, $"The silo is stopping; the call {request.MethodName} to grain {grainId} was not run."));
        }

        if (_activations.TryGetValue(grainId, out ActivationData? existing))
        {
            return existing.InvokeAsync(request, rerun, cancellationToken);
        }

        if (!_classes.ContainsKey(grainId.Type))
        {
            return ValueTask.FromException<TResult>(new GrainCallRejectedException(
                RejectionReason.BadRequest, $"No grain class is registered for grain type '{grainId.Type}' (a GrainClassRegistration in the silo's services)."));
        }

        return GetOrCreate(grainId).InvokeAsync(request, rerun, cancellationToken);
    }

    private async ValueTask<TResult> AwaitAndMaybeRunAgainAsync<TResult>(
        GrainId grainId, GrainRequest<TResult> request, ValueTask<TResult> call, CancellationToken cancellationToken)
    {
        var result = await call.ConfigureAwait(false);
        while (request.ShouldRunAgain(result, out var signal))
        {
            await WaitForSignalAsync(signal, cancellationToken).ConfigureAwait(false);
            result = await InvokeOnceAsync(grainId, request, rerun: true, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async ValueTask<TResult> RunAgainAsync<TResult>(GrainId grainId, GrainRequest<TResult> request, Task? signal, CancellationToken cancellationToken)
    {
        await WaitForSignalAsync(signal, cancellationToken).ConfigureAwait(false);
        var call = InvokeOnceAsync(grainId, request, rerun: true, cancellationToken);
        return await AwaitAndMaybeRunAgainAsync(grainId, request, call, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitForSignalAsync(Task? signal, CancellationToken cancellationToken)
    {
        if (signal is null)
        {
            // Run again at the back of the queue without waiting.
            await Task.Yield();
            return;
        }

        // The signal only says "worth trying again"; its outcome does not matter.
        await signal.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
