using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Membership;
using Orleans.Caching.Tests.Support;

namespace Orleans.Caching.Tests.Redis;

/// <summary>The membership-table contract on a real server: one hash per test's cluster, a second handle on its own connection.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisMembershipTableContractTests(RedisServerFixture server) : MembershipTableContractTests
{
    private readonly string _clusterId = Guid.NewGuid().ToString("N");
    private readonly List<RedisMembershipTable> _tables = [];

    protected override Task<IMembershipTable> CreateTableAsync() => Task.FromResult<IMembershipTable>(Open());

    protected override Task<IMembershipTable> OpenSameTableAsync() => Task.FromResult<IMembershipTable>(Open());

    protected override Task DisposeTablesAsync()
    {
        _tables.ForEach(table => table.Dispose());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_table_is_one_hash_with_a_version_field_and_one_json_field_per_silo()
    {
        MembershipEntry entry = Entry(Silo(11111), SiloStatus.Active);
        await WriteAsync(entry);
        string key = ((RedisMembershipTable)Table).Key;

        Assert.Equal($"test-service/members/{_clusterId}", key);
        Assert.Equal("hash", await server.Plain.CliAsync("-n", "3", "TYPE", key));
        Assert.Equal("1", await server.Plain.CliAsync("-n", "3", "HGET", key, "Version"));
        string row = await server.Plain.CliAsync("-n", "3", "HGET", key, entry.Silo.ToString());
        Assert.Contains("\"status\":\"Active\"", row, StringComparison.Ordinal);
        Assert.Contains($"\"silo\":\"{entry.Silo}\"", row, StringComparison.Ordinal);
    }

    private RedisMembershipTable Open()
    {
        var table = new RedisMembershipTable(new RedisMembershipTableOptions
        {
            Url = $"redis://127.0.0.1:{server.Plain.Port}/3",
            ServiceId = "test-service",
            ClusterId = _clusterId,
        });
        _tables.Add(table);
        return table;
    }
}
