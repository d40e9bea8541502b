using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// How the membership agent and the failure detector reach other silos: over the silo's connections (the cluster silo implements
/// it; tests use a fake). Probes are pings answered on the connection, never queued behind grain work.
/// </summary>
public interface ISiloMessenger
{
    /// <summary>Probes a silo: connects if needed, sends a ping and waits for its pong.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="timeout">How long to wait for the pong (connecting included).</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns><see langword="true"/> if the pong arrived in time; <see langword="false"/> if not, or the silo could not be reached.</returns>
    Task<bool> ProbeAsync(SiloAddress silo, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Sends a membership snapshot to a silo, best effort (a one-way <see cref="FrameKind.MembershipUpdate"/>); never throws.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="snapshot">The table.</param>
    void Gossip(SiloAddress silo, MembershipTableSnapshot snapshot);
}
