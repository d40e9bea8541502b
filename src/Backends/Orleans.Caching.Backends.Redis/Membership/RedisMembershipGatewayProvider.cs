using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// Lets a cluster client find silos in the Redis membership table the silos write (<see cref="RedisMembershipTable"/>, same options):
/// the endpoints of the silos whose status is <see cref="SiloStatus.Active"/>, the only ones that own grains. Joining, shutting-down and
/// dead silos are left out, and a silo restarted on the same endpoint appears once.
/// </summary>
/// <remarks>Clients talk to silos directly (no gateway hop), so a silo's endpoint is the address to give the client, such as
/// <c>Caching:Cluster:Gateways</c>. The list is a snapshot: read it again when the client reports a newer membership version or
/// cannot reach any listed silo.</remarks>
public sealed class RedisMembershipGatewayProvider : IDisposable
{
    private readonly RedisMembershipTable _table;

    /// <summary>Initializes a new instance of the <see cref="RedisMembershipGatewayProvider"/> class; nothing connects until the first read.</summary>
    /// <param name="options">The server and the table's identity, as the silos configure them.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentException">No host, a malformed URL, or an empty service or cluster id.</exception>
    public RedisMembershipGatewayProvider(RedisMembershipTableOptions options, ILogger<RedisMembershipTable>? logger = null)
        => _table = new RedisMembershipTable(options, logger);

    /// <summary>Reads the endpoints of the active silos once, on a connection opened and closed for the call.</summary>
    /// <param name="options">The server and the table's identity, as the silos configure them.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The endpoints as <c>host:port</c> (<c>[::1]:port</c> for IPv6), ordered; empty when no silo is active or the table does not exist.</returns>
    /// <exception cref="CacheException">The server cannot be reached, or a row is not a membership entry.</exception>
    public static async Task<IReadOnlyList<string>> ReadGatewaysAsync(RedisMembershipTableOptions options, CancellationToken cancellationToken = default)
    {
        using var provider = new RedisMembershipGatewayProvider(options);
        IReadOnlyList<EndPoint> endpoints = await provider.GetGatewaysAsync(cancellationToken).ConfigureAwait(false);
        var result = new string[endpoints.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Convert.ToString(endpoints[i], CultureInfo.InvariantCulture)!;
        }

        return result;
    }

    /// <summary>Reads the endpoints of the active silos.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The endpoints (<see cref="IPEndPoint"/>s), ordered by their text; empty when no silo is active or the table does not exist.</returns>
    /// <exception cref="CacheException">The server cannot be reached, or a row is not a membership entry.</exception>
    public async Task<IReadOnlyList<EndPoint>> GetGatewaysAsync(CancellationToken cancellationToken = default)
    {
        MembershipTableSnapshot table = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return ActiveEndpoints(table.Entries);
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _table.Dispose();

    internal static IReadOnlyList<EndPoint> ActiveEndpoints(IEnumerable<MembershipEntry> entries)
    {
        var active = new List<SiloAddress>();
        foreach (MembershipEntry entry in entries)
        {
            if (entry.Status == SiloStatus.Active)
            {
                active.Add(entry.Silo);
            }
        }

        active.Sort();
        var endpoints = new List<EndPoint>(active.Count);
        foreach (SiloAddress silo in active)
        {
            // Two active generations on one endpoint (the old row not yet declared dead) are one address to connect to.
            if (endpoints.Count == 0 || !endpoints[^1].Equals(silo.Endpoint))
            {
                endpoints.Add(silo.Endpoint);
            }
        }

        return endpoints;
    }
}
