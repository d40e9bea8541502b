using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The silo's activations by <see cref="GrainId"/>: creates one lazily on a grain's first request (exactly one, even under
/// concurrent first calls), routes requests to it, and removes it when it deactivates.
/// </summary>
internal sealed partial class ActivationCatalog
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly FrozenDictionary<GrainType, GrainClassRegistration> _classes;
    private readonly IServiceProvider _services;
    private IGrainStorage? _storage;
    private volatile bool _stopping;

    public ActivationCatalog(
        IServiceProvider services,
        IEnumerable<GrainClassRegistration> classes,
        IEnumerable<IIncomingGrainCallFilter> incomingFilters,
        IOptions<SiloOptions> options,
        ActivationCollector collector,
        TimeProvider timeProvider,
        ILogger<ActivationCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(incomingFilters);
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        var byType = new Dictionary<GrainType, GrainClassRegistration>();
        foreach (var registration in classes)
        {
            // A later registration of the same grain type replaces an earlier one, as DI overrides do.
            byType[registration.GrainType] = registration;
        }

        _classes = byType.ToFrozenDictionary();
        IncomingFilters = [.. incomingFilters];
        var value = options.Value;
        MaxQueuedRequests = value.MaxQueuedRequestsPerActivation;
        DeactivationTimeout = value.ResponseTimeout;
        Collector = collector ?? throw new ArgumentNullException(nameof(collector));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
        TrackSlowTurns = logger.IsEnabled(LogLevel.Warning);
    }

    /// <summary>Gets the silo's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the current time as UTC ticks.</summary>
    public long UtcNowTicks => TimeProvider.GetUtcNow().UtcTicks;

    /// <summary>Gets the silo's grain storage.</summary>
    /// <exception cref="InvalidOperationException">No <see cref="IGrainStorage"/> is registered.</exception>
    public IGrainStorage Storage => _storage ??= _services.GetService<IGrainStorage>()
        ?? throw new InvalidOperationException("No IGrainStorage is registered with the silo's services; grains that persist state need one.");

    /// <summary>Gets the incoming filters, in registration order.</summary>
    public IIncomingGrainCallFilter[] IncomingFilters { get; }

    /// <summary>Gets the per-activation queue limit.</summary>
    public int MaxQueuedRequests { get; }

    /// <summary>Gets how long <c>OnDeactivateAsync</c> may run before the activation is abandoned.</summary>
    public TimeSpan DeactivationTimeout { get; }

    /// <summary>Gets the idle collector and memory budget.</summary>
    public ActivationCollector Collector { get; }

    /// <summary>Gets the runtime's logger.</summary>
    public ILogger Logger { get; }

    /// <summary>Gets a value indicating whether turns are timed for the slow-turn warning.</summary>
    public bool TrackSlowTurns { get; }

    /// <summary>Gets the number of activations (a diagnostic: it briefly locks the whole table).</summary>
    public int Count => _activations.Count;

    /// <summary>Gets a value indicating whether the silo is stopping and rejects new calls.</summary>
    public bool IsStopping => _stopping;

    /// <summary>Gets a snapshot of the activations, for diagnostics.</summary>
    /// <returns>The activations.</returns>
    public IReadOnlyList<ActivationData> GetActivations() => [.. _activations.Values];

    /// <summary>Finds the activation of a grain, if any.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="activation">The activation.</param>
    /// <returns><see langword="true"/> if the grain has an activation.</returns>
    public bool TryGetActivation(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    /// <summary>From now on, rejects new calls with <see cref="RejectionReason.Unavailable"/>.</summary>
    public void BeginStop() => _stopping = true;

    /// <summary>Deactivates the activations <paramref name="filter"/> selects (all when null).</summary>
    /// <param name="reason">Why; with <see cref="DeactivationReason.ShuttingDown"/>, queued requests complete first.</param>
    /// <param name="filter">Selects grains, or <see langword="null"/> for all.</param>
    /// <returns>A task that completes when the selected activations are gone.</returns>
    public Task DeactivateAllAsync(DeactivationReason reason, Func<GrainId, bool>? filter)
    {
        List<Task>? tasks = null;
        foreach (var (grainId, activation) in _activations)
        {
            if (filter is null || filter(grainId))
            {
                var task = activation.DeactivateAsync(reason);
                if (!task.IsCompleted)
                {
                    (tasks ??= []).Add(task);
                }
            }
        }

        return tasks is null ? Task.CompletedTask : Task.WhenAll(tasks);
    }

    /// <summary>Creates the grain instance of a new activation.</summary>
    /// <param name="grainId">The grain.</param>
    /// <returns>The instance.</returns>
    public Grain CreateGrain(GrainId grainId) => _classes[grainId.Type].Factory(_services, grainId)
        ?? throw new InvalidOperationException($"The factory of grain type {grainId.Type} returned null.");

    /// <summary>Removes an activation that is going away (only if it is still the grain's registered activation).</summary>
    /// <param name="activation">The activation.</param>
    public void Remove(ActivationData activation)
        => _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    private ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var created = new ActivationData(this, grainId);
        var winner = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created))
        {
            created.Activate();
        }

        return winner;
    }
}
