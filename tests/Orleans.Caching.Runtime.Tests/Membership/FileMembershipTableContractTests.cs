using Orleans.Caching.Tests;
using Orleans.Caching.Tests.Membership;

namespace Orleans.Caching.Runtime.Tests.Membership;

/// <summary>The contract over two <see cref="FileMembershipTable"/> instances on one file, as two silo processes would use it.</summary>
public sealed class FileMembershipTableContractTests : MembershipTableContractTests
{
    private readonly TempDirectory _directory = new();

    private FileMembershipTableOptions Options => new() { Path = Path.Combine(_directory.Path, "cluster", "membership.json") };

    protected override Task<IMembershipTable> CreateTableAsync()
        => Task.FromResult<IMembershipTable>(new FileMembershipTable(Options, TimeProvider.System));

    protected override Task<IMembershipTable> OpenSameTableAsync()
        => Task.FromResult<IMembershipTable>(new FileMembershipTable(Options, TimeProvider.System));

    protected override Task DisposeTablesAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
