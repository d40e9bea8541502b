namespace Orleans.Caching.Cluster.Tests.Acceptance.Contract;

/// <summary>The contract over silos sharing one FileSystem storage directory.</summary>
public sealed class ClusterSharedFileSystemContractTests(SharedFileSystemClusterFixture fixture)
    : ClusterCacheContractTests(fixture), IClassFixture<SharedFileSystemClusterFixture>;
