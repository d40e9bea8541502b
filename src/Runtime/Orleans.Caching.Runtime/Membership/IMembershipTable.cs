namespace Orleans.Caching.Runtime;

/// <summary>
/// The shared, versioned membership table (providers: in-memory, file, Redis). Concurrency is table-wide: every mutation
/// names the version it read and succeeds only if the table is still at that version, incrementing it. Statuses only move
/// forward (<see cref="MembershipRules.CheckTransition"/>).
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the table at version 0 if it does not exist; idempotent.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the table exists.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Reads the whole table.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The table and its version.</returns>
    Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the row of <c>entry.Silo</c> if the table is still at <paramref name="expectedVersion"/>;
    /// on success the table version becomes <paramref name="expectedVersion"/> + 1.</summary>
    /// <param name="entry">The row to write.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if written; <see langword="false"/> if the version moved on (re-read and decide again).</returns>
    /// <exception cref="ArgumentException">The write would move the silo's status backwards.</exception>
    Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Refreshes a silo's IAmAlive time without changing the table version; does nothing if the row does not exist.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="time">The time to record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when written.</returns>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken);

    /// <summary>Deletes the rows of Dead silos whose IAmAlive time is older than <paramref name="before"/> (bumping the version if any).</summary>
    /// <param name="before">The cut-off.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of rows deleted.</returns>
    Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes the whole table (tests and decommissioning).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when deleted.</returns>
    Task DeleteAsync(CancellationToken cancellationToken);
}
