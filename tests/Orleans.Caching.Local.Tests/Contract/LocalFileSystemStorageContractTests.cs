using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Contract;

public sealed class LocalFileSystemStorageContractTests : LocalGrainCacheContractTests
{
    private readonly TempDirectory _directory = new();

    public LocalFileSystemStorageContractTests() => Configuration = LocalCacheHost.FileSystemStorage(_directory.Path);

    protected override Dictionary<string, string?> Configuration { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
