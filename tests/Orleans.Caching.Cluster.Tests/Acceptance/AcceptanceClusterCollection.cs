namespace Orleans.Caching.Cluster.Tests.Acceptance;

/// <summary>The acceptance tests that leave the cluster as they found it share one cluster and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AcceptanceClusterCollection : ICollectionFixture<AcceptanceClusterFixture>
{
    public const string Name = "Acceptance cluster";
}
