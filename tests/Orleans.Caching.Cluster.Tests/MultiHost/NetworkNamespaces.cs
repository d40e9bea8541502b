using System.Globalization;
using System.Security.Cryptography;

namespace Orleans.Caching.Cluster.Tests.MultiHost;

/// <summary>
/// Simulated hosts on one LAN: a bridge in the root namespace with address 10.231.X.1/24 (X random, re-drawn while another interface
/// already uses it) and one network namespace per host, joined to the bridge by a veth pair, with address 10.231.X.(2+i) and its own
/// loopback. Every namespace has its own network stack, so every host can listen on the same port. Names carry a random run id, so
/// parallel runs do not clash; disposal deletes the namespaces (which destroys their veth ends), the root veth ends and the bridge.
/// </summary>
internal sealed class NetworkNamespaces : IAsyncDisposable
{
    private readonly string _ip;
    private readonly string _runId;
    private readonly List<string> _namespaces = [];
    private readonly List<string> _links = [];

    private NetworkNamespaces(string ip, string runId, int subnet)
    {
        _ip = ip;
        _runId = runId;
        Subnet = subnet;
    }

    /// <summary>Gets the third octet X of 10.231.X.0/24.</summary>
    public int Subnet { get; }

    /// <summary>Gets the bridge's name (its address is <see cref="BridgeAddress"/>).</summary>
    public string Bridge => "ocb" + _runId;

    /// <summary>Gets the root namespace's address on the bridge: where clients in the root namespace connect from.</summary>
    public string BridgeAddress => Address(1);

    /// <summary>Gets the hosts, in creation order.</summary>
    public List<NamespaceHost> Hosts { get; } = [];

    /// <summary>Gets the path of <c>ip</c>.</summary>
    public string IpPath => _ip;

    /// <summary>Creates the bridge and <paramref name="count"/> namespaces; on failure deletes what was created and rethrows.</summary>
    public static async Task<NetworkNamespaces> CreateAsync(string ip, int count)
    {
        string runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var network = new NetworkNamespaces(ip, runId, await FreeSubnetAsync(ip));
        try
        {
            await network.AddBridgeAsync();
            for (int i = 0; i < count; i++)
            {
                await network.AddHostAsync(i);
            }
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }

        return network;
    }

    /// <summary>Sets the root end of a host's veth down (the host's cable is pulled: packets to and from it are dropped) or up again.</summary>
    public Task SetLinkAsync(NamespaceHost host, bool up) => IpCommand.RunAsync(_ip, "link", "set", host.RootLink, up ? "up" : "down");

    /// <summary>Deletes every namespace, veth and the bridge this instance created (best effort), then fails if any of them is left.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (string ns in _namespaces)
        {
            await IpCommand.TryRunAsync(_ip, "netns", "delete", ns);
        }

        // Deleting a namespace destroys its veth end and so the pair; a root end left over (namespace never got its end) is deleted here.
        foreach (string link in _links)
        {
            await IpCommand.TryRunAsync(_ip, "link", "delete", link);
        }

        string namespaces = await IpCommand.RunAsync(_ip, "netns", "list");
        string links = await IpCommand.RunAsync(_ip, "-o", "link", "show");
        string[] left = [.. _namespaces.Where(ns => ContainsWord(namespaces, ns)), .. _links.Where(link => ContainsWord(links, link + ":") || ContainsWord(links, link + "@"))];
        if (left.Length > 0)
        {
            throw new InvalidOperationException($"Could not delete the test network's {string.Join(", ", left)}.");
        }
    }

    private static bool ContainsWord(string text, string word) => text.Contains(" " + word, StringComparison.Ordinal) || text.StartsWith(word, StringComparison.Ordinal) || text.Contains("\n" + word, StringComparison.Ordinal);

    private static async Task<int> FreeSubnetAsync(string ip)
    {
        string used = await IpCommand.RunAsync(ip, "-4", "-o", "address", "show");
        for (int attempt = 0; attempt < 64; attempt++)
        {
            int subnet = RandomNumberGenerator.GetInt32(0, 256);
            if (!used.Contains($" 10.231.{subnet}.", StringComparison.Ordinal))
            {
                return subnet;
            }
        }

        throw new InvalidOperationException("No free 10.231.X.0/24 subnet: every one drawn is in use.\n" + used);
    }

    private string Address(int host) => string.Create(CultureInfo.InvariantCulture, $"10.231.{Subnet}.{host}");

    private async Task AddBridgeAsync()
    {
        await IpCommand.RunAsync(_ip, "link", "add", Bridge, "type", "bridge");
        _links.Add(Bridge);
        await IpCommand.RunAsync(_ip, "address", "add", BridgeAddress + "/24", "dev", Bridge);
        await IpCommand.RunAsync(_ip, "link", "set", Bridge, "up");
    }

    private async Task AddHostAsync(int index)
    {
        var host = new NamespaceHost(
            Namespace: $"orleans-caching-{_runId}-{index}",
            Address: Address(2 + index),
            RootLink: $"ocv{_runId}{index}",
            NamespaceLink: $"ocp{_runId}{index}");
        await IpCommand.RunAsync(_ip, "netns", "add", host.Namespace);
        _namespaces.Add(host.Namespace);
        await IpCommand.RunAsync(_ip, "link", "add", host.RootLink, "type", "veth", "peer", "name", host.NamespaceLink);
        _links.Add(host.RootLink);
        await IpCommand.RunAsync(_ip, "link", "set", host.NamespaceLink, "netns", host.Namespace);
        await IpCommand.RunAsync(_ip, "link", "set", host.RootLink, "master", Bridge);
        await IpCommand.RunAsync(_ip, "link", "set", host.RootLink, "up");
        await IpCommand.RunAsync(_ip, "-n", host.Namespace, "address", "add", host.Address + "/24", "dev", host.NamespaceLink);
        await IpCommand.RunAsync(_ip, "-n", host.Namespace, "link", "set", host.NamespaceLink, "up");
        await IpCommand.RunAsync(_ip, "-n", host.Namespace, "link", "set", "lo", "up");
        Hosts.Add(host);
    }
}
