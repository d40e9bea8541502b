namespace Orleans.Caching.Runtime;

/// <summary>
/// A membership table held in memory: for tests and for clusters whose silos share one process (the in-process test
/// cluster). Thread-safe; every mutation runs under one lock, so the version check and the write are atomic.
/// </summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private MembershipTableSnapshot _snapshot = MembershipTableSnapshot.Empty;

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_snapshot);
        }
    }

    /// <inheritdoc/>
    public Task<bool> TryWriteAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            MembershipTableSnapshot? next = MembershipTableEdits.TryWrite(_snapshot, entry, expectedVersion);
            if (next is null)
            {
                return Task.FromResult(false);
            }

            _snapshot = next;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _snapshot = MembershipTableEdits.WithIAmAlive(_snapshot, silo, time) ?? _snapshot;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<int> CleanupDefunctAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            (MembershipTableSnapshot next, int deleted) = MembershipTableEdits.WithoutDefunct(_snapshot, before);
            _snapshot = next;
            return Task.FromResult(deleted);
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _snapshot = MembershipTableSnapshot.Empty;
        }

        return Task.CompletedTask;
    }
}
