using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>What the request path of a started cluster silo needs: its address, its membership, its peer connections.</summary>
internal sealed class ClusterSiloState
{
    private int _refreshing;

    public ClusterSiloState(SiloAddress self, IClusterMembership membership, SiloConnections connections, SiloStatistics statistics)
    {
        Self = self;
        Membership = membership;
        Connections = connections;
        Statistics = statistics;
    }

    private ClusterSiloState()
    {
        Self = null!;
        Membership = null!;
        Connections = null!;
        Statistics = null!;
    }

    /// <summary>Gets the marker state of a killed silo.</summary>
    public static ClusterSiloState Killed { get; } = new();

    public SiloAddress Self { get; }

    public IClusterMembership Membership { get; }

    public SiloConnections Connections { get; }

    public SiloStatistics Statistics { get; }

    /// <summary>Re-reads the membership table in the background (a caller knows a newer version); one refresh at a time.</summary>
    public void RequestRefresh()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = RefreshAsync();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await Membership.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The periodic refresh retries; a failed on-demand refresh only delays convergence.
            _ = exception;
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
