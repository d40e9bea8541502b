namespace Orleans.Caching.Tests.Contract;

public sealed class LocalSimpleCacheStorageContractTests : LocalGrainCacheContractTests
{
    protected override Dictionary<string, string?> Configuration { get; } = new() { ["Caching:Silo:Storage:Type"] = "SimpleCache" };
}
