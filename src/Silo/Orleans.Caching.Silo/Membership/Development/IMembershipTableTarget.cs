using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The system target <c>sys.membership-table</c> of development (<c>Static</c>) clustering: the primary silo serves its in-memory
/// <see cref="IMembershipTable"/> through it; the other silos call it with <see cref="RemoteMembershipTable"/>. Every method mirrors
/// the table method of the same name, version checks included.
/// </summary>
internal interface IMembershipTableTarget : IGrainWithStringKey
{
    /// <summary>Reads the whole table.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The table and its version.</returns>
    ValueTask<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Writes a row if the table is still at the expected version.</summary>
    /// <param name="entry">The row.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> if written.</returns>
    ValueTask<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Refreshes a row's IAmAlive time.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="time">The time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>.</returns>
    ValueTask<bool> UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken);

    /// <summary>Deletes old Dead rows.</summary>
    /// <param name="before">The cut-off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of rows deleted.</returns>
    ValueTask<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Empties the table.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>.</returns>
    ValueTask<bool> DeleteAsync(CancellationToken cancellationToken);
}
