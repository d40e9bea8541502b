using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// <c>sys.membership-table</c> on a silo: on the primary of a <c>Static</c> cluster it runs each call on the primary's in-memory table
/// (version checks and forward-only statuses included); any other silo refuses with a message naming the setting to check.
/// </summary>
internal sealed class MembershipTableSystemTarget : IMembershipTableTarget, IEndpointSystemTarget
{
    private readonly IMembershipTable _table;

    public MembershipTableSystemTarget(IMembershipTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <inheritdoc/>
    public async ValueTask<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
        => await Primary().ReadAllAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
        => await Primary().TryWriteAsync(entry, expectedVersion, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
    {
        await Primary().UpdateIAmAliveAsync(silo, time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken)
        => await Primary().CleanupDefunctAsync(before, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> DeleteAsync(CancellationToken cancellationToken)
    {
        await Primary().DeleteAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private InMemoryMembershipTable Primary() => _table switch
    {
        StaticMembershipTable { IsPrimary: true } table => table.Local,
        StaticMembershipTable table => throw new GrainCallRejectedException(RejectionReason.BadRequest,
            $"This silo is not the membership primary: its own endpoint is not {ClusterMembershipOptions.SectionName}:Seeds:0 = '{table.PrimarySeed}' (yet). Every silo must list the primary first."),
        _ => throw new GrainCallRejectedException(RejectionReason.BadRequest,
            $"This silo does not use {ClusterMembershipOptions.SectionName}:Type = Static, so it serves no membership table; configure every silo of the cluster alike."),
    };
}
