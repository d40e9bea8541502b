namespace Orleans.Caching.Cluster.Tests.MultiHost;

/// <summary>One simulated host: a network namespace reached from the root namespace over the bridge.</summary>
/// <param name="Namespace">The namespace's name (for <c>ip netns exec</c>).</param>
/// <param name="Address">The host's IPv4 address on the bridge.</param>
/// <param name="RootLink">The veth end in the root namespace, enslaved to the bridge (set it down to cut the host off).</param>
/// <param name="NamespaceLink">The veth end inside the namespace, carrying <paramref name="Address"/>.</param>
internal sealed record NamespaceHost(string Namespace, string Address, string RootLink, string NamespaceLink);
