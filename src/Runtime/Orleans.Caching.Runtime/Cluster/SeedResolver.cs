using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Caching.Runtime;

/// <summary>
/// Turns a seed list (<c>host:port</c> entries, such as <see cref="ClusterOptions.Gateways"/>) into endpoints. An IP literal is taken as
/// is; a DNS name is resolved to <b>all</b> its addresses, so a Kubernetes headless service (one A record per ready pod) yields every
/// silo. A seed list is discovery only: it tells a client where to ask for the membership, it never stores the membership itself.
/// </summary>
public static class SeedResolver
{
    /// <summary>Splits a seed into host and port.</summary>
    /// <param name="seed">Such as <c>silo-0.cache.ns.svc:11111</c>, <c>10.0.0.5:11111</c> or <c>[::1]:11111</c>.</param>
    /// <param name="host">The host name or IP text (without IPv6 brackets).</param>
    /// <param name="port">The port, 1–65535.</param>
    /// <returns><see langword="true"/> if the seed is well formed.</returns>
    public static bool TryParse(string? seed, out string host, out int port)
    {
        host = string.Empty;
        port = 0;
        if (string.IsNullOrWhiteSpace(seed))
        {
            return false;
        }

        string text = seed.Trim();
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            port = 0;
            return false;
        }

        string hostPart = text[..colon];
        if (hostPart.StartsWith('[') && hostPart.EndsWith(']'))
        {
            hostPart = hostPart[1..^1];
        }
        else if (hostPart.Contains(':', StringComparison.Ordinal))
        {
            // An IPv6 address needs brackets, or its last group would read as the port.
            port = 0;
            return false;
        }

        if (hostPart.Length == 0 || hostPart.Any(char.IsWhiteSpace))
        {
            port = 0;
            return false;
        }

        host = hostPart;
        return true;
    }

    /// <summary>Resolves seeds to endpoints: IP literals as they are, DNS names to every address they have, in seed order, without duplicates.</summary>
    /// <param name="seeds">The seeds (<c>host:port</c>).</param>
    /// <param name="cancellationToken">Cancels resolution.</param>
    /// <returns>The endpoints. Seeds whose name does not resolve are left out as long as another seed resolves.</returns>
    /// <exception cref="FormatException">A seed is not <c>host:port</c>.</exception>
    /// <exception cref="InvalidOperationException">No seed resolved to any address.</exception>
    public static async Task<IReadOnlyList<IPEndPoint>> ResolveAsync(IEnumerable<string> seeds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        string[] list = [.. seeds];
        foreach (string seed in list)
        {
            if (!TryParse(seed, out _, out _))
            {
                throw new FormatException($"The seed '{seed}' is not host:port (such as silo-0.cache:11111, 10.0.0.5:11111 or [::1]:11111).");
            }
        }

        (List<IPEndPoint> endpoints, List<string> failures) = await ResolveEachAsync(list, cancellationToken).ConfigureAwait(false);
        if (endpoints.Count == 0)
        {
            string detail = failures.Count > 0 ? "unresolved: " + string.Join(", ", failures) : list.Length == 0 ? "the list is empty" : "the names have no addresses";
            throw new InvalidOperationException($"None of the {list.Length} seeds resolved to an address ({detail}).");
        }

        return endpoints;
    }

    /// <summary>
    /// Resolves each <c>host:port</c> entry (IP literals as they are, DNS names to every address they have), in order and without
    /// duplicates, collecting a reason for each entry that is not <c>host:port</c> or does not resolve instead of throwing.
    /// </summary>
    /// <param name="entries">The entries (seeds or gateways).</param>
    /// <param name="cancellationToken">Cancels the DNS lookups.</param>
    /// <returns>The endpoints, and one line per entry that gave none.</returns>
    internal static async Task<(List<IPEndPoint> Endpoints, List<string> Failures)> ResolveEachAsync(IEnumerable<string> entries, CancellationToken cancellationToken)
    {
        var endpoints = new List<IPEndPoint>();
        var seen = new HashSet<IPEndPoint>();
        var failures = new List<string>();
        foreach (string entry in entries)
        {
            if (!TryParse(entry, out string host, out int port))
            {
                failures.Add($"'{entry}' is not host:port");
                continue;
            }

            IPAddress[] addresses;
            if (IPAddress.TryParse(host, out IPAddress? literal))
            {
                addresses = [literal];
            }
            else
            {
                try
                {
                    addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException exception)
                {
                    failures.Add($"'{entry}' does not resolve ({exception.SocketErrorCode})");
                    continue;
                }
            }

            foreach (IPAddress address in addresses)
            {
                var endpoint = new IPEndPoint(address, port);
                if (seen.Add(endpoint))
                {
                    endpoints.Add(endpoint);
                }
            }
        }

        return (endpoints, failures);
    }
}
