using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// A silo's view of the cluster and its part in the membership protocol: it joins (Joining → checks every Active silo → Active),
/// keeps its IAmAlive row fresh, refreshes the table periodically, adopts newer snapshots gossiped by peers, probes its ring
/// successors and votes peers dead, and leaves (ShuttingDown → Dead). Every change it makes is gossiped to the Active silos.
/// </summary>
public interface IClusterMembership
{
    /// <summary>Gets this silo's address.</summary>
    SiloAddress Self { get; }

    /// <summary>Gets the newest view this silo knows.</summary>
    MembershipView CurrentView { get; }

    /// <summary>Raised after <see cref="CurrentView"/> moved to a newer version (never for an older or equal one); handlers must not block.</summary>
    event Action<MembershipView>? ViewChanged;

    /// <summary>Gets a task that completes when this silo learned that it is Dead (declared by its peers, or after it left): the host must stop.</summary>
    Task Dead { get; }

    /// <summary>Joins the cluster: writes Joining, probes every Active silo (failing after the join timeout if one cannot be reached and is
    /// not declared dead meanwhile), writes Active, gossips, then starts IAmAlive, refresh and failure detection.</summary>
    /// <param name="cancellationToken">Cancels joining.</param>
    /// <returns>A task that completes when the silo is Active.</returns>
    /// <exception cref="InvalidOperationException">The silo could not join (its row is Dead, or it could not reach the cluster in time).</exception>
    Task JoinAsync(CancellationToken cancellationToken);

    /// <summary>Starts a graceful stop: writes ShuttingDown and gossips it, so peers and clients stop routing to this silo.</summary>
    /// <param name="cancellationToken">Cancels the write (best effort).</param>
    /// <returns>A task that completes when the table says ShuttingDown.</returns>
    Task BeginShutdownAsync(CancellationToken cancellationToken);

    /// <summary>Finishes leaving: writes Dead, gossips it, stops the timers.</summary>
    /// <param name="cancellationToken">Cancels the write (best effort).</param>
    /// <returns>A task that completes when the silo has left.</returns>
    Task LeaveAsync(CancellationToken cancellationToken);

    /// <summary>Handles a snapshot gossiped by a peer: adopts it if newer (re-reading the table when it is incomplete or says this silo is Dead).</summary>
    /// <param name="snapshot">The snapshot.</param>
    void OnGossip(MembershipTableSnapshot snapshot);

    /// <summary>Reads the table now and adopts it if newer.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view after the refresh.</returns>
    Task<MembershipView> RefreshAsync(CancellationToken cancellationToken);
}
