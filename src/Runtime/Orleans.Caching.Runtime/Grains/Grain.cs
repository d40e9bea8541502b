namespace Orleans.Caching.Runtime;

/// <summary>
/// The base of grain implementations. The runtime creates one instance per activation, sets <see cref="Context"/>, calls
/// <see cref="OnActivateAsync"/> before the first request and <see cref="OnDeactivateAsync"/> when the activation is collected,
/// evicted or the silo stops. Requests run one at a time (read-only requests may interleave with each other), so grain code
/// needs no locks.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>Gets the activation's context (identity, clock, storage, deactivation).</summary>
    /// <exception cref="InvalidOperationException">The grain is not attached to an activation.</exception>
    public IGrainContext Context => _context ?? throw new InvalidOperationException($"{GetType().Name} is not attached to an activation.");

    /// <summary>Gets the grain's identity.</summary>
    public GrainId GrainId => Context.GrainId;

    /// <summary>Gets the number of bytes the grain holds beside the runtime's own bookkeeping (the value, mostly); the memory budget counts it.</summary>
    public virtual long EstimatedSize => 0;

    /// <summary>Attaches the grain to a context; for runtimes and tests that host grains without the catalog.</summary>
    /// <param name="context">The context.</param>
    public void Attach(IGrainContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Runs once before the first request: load state here.</summary>
    /// <param name="cancellationToken">Cancels activation.</param>
    /// <returns>A task that completes when the grain is ready.</returns>
    public virtual ValueTask OnActivateAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Runs once when the activation ends: flush state here. Not called when the process dies.</summary>
    /// <param name="reason">Why the activation ends.</param>
    /// <param name="cancellationToken">Cancels deactivation.</param>
    /// <returns>A task that completes when the grain is done.</returns>
    public virtual ValueTask OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
