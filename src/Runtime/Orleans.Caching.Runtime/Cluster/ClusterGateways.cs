using System.Net;

namespace Orleans.Caching.Runtime;

/// <summary>Parses and resolves the <c>host:port</c> entries of <see cref="ClusterOptions.Gateways"/>.</summary>
public static class ClusterGateways
{
    /// <summary>Splits a gateway entry into host and port (<c>silo-0.cache:11111</c>, <c>10.0.0.5:11111</c>, <c>[::1]:11111</c>).</summary>
    /// <param name="text">The entry.</param>
    /// <param name="host">The host name or address.</param>
    /// <param name="port">The port (1–65535).</param>
    /// <returns><see langword="true"/> if the entry is well formed.</returns>
    public static bool TryParse(string? text, out string host, out int port) => SeedResolver.TryParse(text, out host, out port);

    /// <summary>Resolves every gateway to endpoints (DNS names to all their addresses), in random order.</summary>
    /// <param name="gateways">The entries.</param>
    /// <param name="cancellationToken">Cancels resolving.</param>
    /// <returns>The endpoints (de-duplicated, shuffled), and the entries that could not be resolved with why.</returns>
    internal static async Task<(List<IPEndPoint> Endpoints, List<string> Failures)> ResolveAsync(IEnumerable<string> gateways, CancellationToken cancellationToken)
    {
        (List<IPEndPoint> endpoints, List<string> failures) = await SeedResolver.ResolveEachAsync(gateways, cancellationToken).ConfigureAwait(false);
        IPEndPoint[] shuffled = [.. endpoints];
        Random.Shared.Shuffle(shuffled);
        return ([.. shuffled], failures);
    }
}
