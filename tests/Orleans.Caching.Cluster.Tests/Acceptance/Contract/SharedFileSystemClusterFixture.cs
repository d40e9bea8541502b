using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Contract;

/// <summary>An <see cref="AcceptanceClusterFixture"/> whose silos store grains in one shared FileSystem directory.</summary>
public sealed class SharedFileSystemClusterFixture : AcceptanceClusterFixture
{
    public SharedFileSystemClusterFixture()
        : this(new TempDirectory())
    {
    }

    private SharedFileSystemClusterFixture(TempDirectory directory)
        : base(directory.Path)
    {
        Directory = directory;
    }

    public TempDirectory Directory { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Dispose();
    }
}
