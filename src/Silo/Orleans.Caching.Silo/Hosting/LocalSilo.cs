using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// A silo in the caller's process: the activation catalog, the request schedulers, the idle collector and the grain
/// factory, composed from DI by <c>services.AddOrleansCachingSiloCore()</c>. Calls work before <see cref="StartAsync"/>
/// (activations are created lazily); starting runs idle collection, and <see cref="StopAsync"/> stops gracefully.
/// </summary>
public sealed class LocalSilo : IHostedService, IAsyncDisposable
{
    private readonly ActivationCatalog _catalog;
    private readonly ActivationCollector _collector;
    private readonly SiloOptions _options;
    private readonly ILogger _logger;
    private int _stopped;

    internal LocalSilo(ActivationCatalog catalog, ActivationCollector collector, IGrainFactory grainFactory, IOptions<SiloOptions> options, ILogger<LocalSilo> logger)
    {
        _catalog = catalog;
        _collector = collector;
        GrainFactory = grainFactory;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Gets the factory of references to this silo's grains.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>Gets the number of activations (a diagnostic).</summary>
    public int ActivationCount => _catalog.Count;

    /// <summary>Gets the estimated memory of the activations, in bytes (what <see cref="SiloOptions.MaxMemoryBytes"/> limits).</summary>
    public long EstimatedMemoryBytes => _collector.EstimatedBytes;

    /// <summary>Gets the number of network requests that were never run because their time-to-live ran out while they waited in a
    /// grain's queue (each was answered with a <see cref="RejectionReason.Timeout"/> rejection).</summary>
    public long ExpiredRequestCount => _catalog.ExpiredRequests;

    /// <summary>Gets the identities of the grains that have an activation (a diagnostic snapshot).</summary>
    /// <returns>The grain identities.</returns>
    public IReadOnlyList<GrainId> GetActiveGrains()
    {
        var activations = _catalog.GetActivations();
        var result = new GrainId[activations.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = activations[i].GrainId;
        }

        return result;
    }

    /// <summary>Starts idle collection and the memory budget's periodic check.</summary>
    /// <param name="cancellationToken">Unused; starting does not wait.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _collector.Start();
        Log.SiloStarted(_logger, _options.CollectionAge, _options.MaxMemoryBytes);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops gracefully: new calls fail with <see cref="GrainCallRejectedException"/> (<see cref="RejectionReason.Unavailable"/>),
    /// running and queued requests complete, every activation is deactivated with <see cref="DeactivationReason.ShuttingDown"/>
    /// (grains flush their state), then the collector stops.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for activations to finish (they keep deactivating in the background).</param>
    /// <returns>A task that completes when the silo has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _catalog.BeginStop();
        Log.SiloStopping(_logger, _catalog.Count);
        try
        {
            await _catalog.DeactivateAllAsync(DeactivationReason.ShuttingDown, filter: null).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _collector.Stop();
            Log.SiloStopped(_logger);
        }
    }

    /// <summary>Deactivates the activations <paramref name="filter"/> selects: for <c>clear()</c>, ownership changes and tests.</summary>
    /// <param name="reason">Why; grains see it in <see cref="Grain.OnDeactivateAsync"/>.</param>
    /// <param name="filter">Selects grains; <see langword="null"/> selects all.</param>
    /// <param name="cancellationToken">Stops waiting (deactivation continues).</param>
    /// <returns>A task that completes when the selected activations are gone.</returns>
    /// <remarks>Requests queued on a deactivating activation, and requests arriving meanwhile, run on a fresh activation afterwards.</remarks>
    public Task DeactivateAllAsync(DeactivationReason reason, Func<GrainId, bool>? filter = null, CancellationToken cancellationToken = default)
        => _catalog.DeactivateAllAsync(reason, filter).WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _collector.Dispose();
    }
}
