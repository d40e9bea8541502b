namespace Orleans.Caching.Tests.Contract;

public sealed class LocalWithoutStorageContractTests : LocalGrainCacheContractTests
{
    protected override Dictionary<string, string?> Configuration { get; } = new() { ["Caching:Silo:Storage:Type"] = "None" };
}
