using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Delivers calls to grains of this process: the outgoing filters (none: no overhead), then the catalog. Enforces
/// <see cref="SiloOptions.ResponseTimeout"/> on calls that do not complete synchronously.
/// </summary>
internal sealed class LocalGrainCallInvoker : IGrainCallInvoker
{
    private readonly IGrainCallInvoker _delivery;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _responseTimeout;

    public LocalGrainCallInvoker(ActivationCatalog catalog, IEnumerable<IOutgoingGrainCallFilter> filters, IOptions<SiloOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        _delivery = FilteredGrainCallInvoker.Create(catalog, filters);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _responseTimeout = options.Value.ResponseTimeout;
    }

    /// <inheritdoc/>
    public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValueTask<TResult> call = _delivery.InvokeAsync(target, request, cancellationToken);
        return call.IsCompleted || _responseTimeout == Timeout.InfiniteTimeSpan
            ? call
            : WaitWithTimeoutAsync(target, request, call.AsTask(), cancellationToken);
    }

    private async ValueTask<TResult> WaitWithTimeoutAsync<TResult>(GrainId target, GrainRequest<TResult> request, Task<TResult> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(_responseTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            // The call may still finish; observe a late failure so it does not surface as an unobserved task exception.
            _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new GrainCallTimeoutException(target, request.MethodName, _responseTimeout);
        }
    }
}
