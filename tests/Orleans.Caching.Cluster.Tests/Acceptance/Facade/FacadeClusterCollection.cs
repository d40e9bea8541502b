namespace Orleans.Caching.Cluster.Tests.Acceptance.Facade;

/// <summary>The collection of the facade tests over one cluster; its classes are assigned by <see cref="FacadeTestCollectionFactory"/>.</summary>
[CollectionDefinition(Name)]
public sealed class FacadeClusterCollection : ICollectionFixture<FacadeClusterFixture>
{
    public const string Name = "Facade over a test cluster";
}
