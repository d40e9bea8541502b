namespace Orleans.Caching.Cluster.Tests.Acceptance.Contract;

/// <summary>The contract over silos with their default in-memory grain storage.</summary>
public sealed class ClusterInMemoryStorageContractTests(AcceptanceClusterFixture fixture)
    : ClusterCacheContractTests(fixture), IClassFixture<AcceptanceClusterFixture>;
