using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;
using Orleans.Caching.Tests;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class ClusterMembershipOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_name_an_in_memory_table()
    {
        var options = new ClusterMembershipOptions();

        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded);
        Assert.IsType<InMemoryMembershipTable>(MembershipTableFactory.Create(options, TimeProvider.System, null));
        Assert.Equal(TimeSpan.FromSeconds(2), options.ProbeInterval);
        Assert.Equal(2, options.NumVotesForDeathDeclaration);
    }

    [Theory]
    [InlineData("Static", "Caching:Silo:Membership:Seeds is required when Caching:Silo:Membership:Type = Static")]
    [InlineData("Development", "the first is the primary silo that holds the membership table")]
    [InlineData("Consul", "is unknown; use one of: InMemory, File, Redis")]
    [InlineData("File", "Caching:Silo:Membership:Path is required")]
    public void A_wrong_type_is_explained(string type, string expected)
    {
        ValidateOptionsResult result = new ClusterMembershipOptionsValidator().Validate(null, new ClusterMembershipOptions { Type = type });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
        Assert.Throws<ArgumentException>(() => MembershipTableFactory.Create(new ClusterMembershipOptions { Type = type }, TimeProvider.System, null));
    }

    [Fact]
    public void Bad_timings_name_their_keys()
    {
        var options = new ClusterMembershipOptions { ProbeTimeout = TimeSpan.Zero, MissedProbesLimit = 0, DeathVoteExpiration = TimeSpan.FromSeconds(1) };

        string message = new ClusterMembershipOptionsValidator().Validate(null, options).FailureMessage!;

        Assert.Contains("Caching:Silo:Membership:ProbeTimeout = 00:00:00 must be positive", message);
        Assert.Contains("Caching:Silo:Membership:MissedProbesLimit = 0 must be at least 1", message);
        Assert.Contains("Caching:Silo:Membership:DeathVoteExpiration", message);
    }

    [Fact]
    public void Configuration_chooses_the_file_and_redis_tables_and_a_registered_table_wins()
    {
        using var directory = new TempDirectory();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Caching:Silo:Membership:Type"] = "file",
            ["Caching:Silo:Membership:Path"] = Path.Combine(directory.Path, "members.json"),
            ["Caching:Silo:Membership:ProbeInterval"] = "00:00:00.250",
        }).Build();
        var services = new ServiceCollection().AddClusterMembershipTable();
        services.Configure<ClusterMembershipOptions>(configuration.GetSection(ClusterMembershipOptions.SectionName));
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            var table = Assert.IsType<FileMembershipTable>(provider.GetRequiredService<IMembershipTable>());
            Assert.Equal(Path.Combine(directory.Path, "members.json"), table.Path);
            Assert.Equal(TimeSpan.FromMilliseconds(250), provider.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.ProbeInterval);
        }

        var redis = new ClusterMembershipOptions { Type = "Redis", Redis = { Host = "10.1.2.3", ClusterId = "c1" } };
        using (var table = Assert.IsType<RedisMembershipTable>(MembershipTableFactory.Create(redis, TimeProvider.System, null)))
        {
            Assert.Equal("orleans-caching/members/c1", table.Key);
        }

        var shared = new InMemoryMembershipTable();
        using ServiceProvider withShared = new ServiceCollection().AddSingleton<IMembershipTable>(shared).AddClusterMembershipTable().BuildServiceProvider();
        Assert.Same(shared, withShared.GetRequiredService<IMembershipTable>());
        Assert.Same(shared, MembershipTableFactory.Create(withShared));
    }

    [Fact]
    public async Task Seeds_resolve_dns_names_to_every_address_and_keep_ip_literals()
    {
        IReadOnlyList<IPEndPoint> endpoints = await SeedResolver.ResolveAsync(["localhost:11111", "10.0.0.5:11112", "[::1]:11113", "10.0.0.5:11112"], CancellationToken.None);

        Assert.Contains(endpoints, e => IPAddress.IsLoopback(e.Address) && e.Port == 11111);
        Assert.Equal(1, endpoints.Count(e => e.Equals(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 11112))));
        Assert.Contains(new IPEndPoint(IPAddress.IPv6Loopback, 11113), endpoints);
        Assert.Equal(endpoints.Count, endpoints.Distinct().Count());
    }

    [Fact]
    public async Task Malformed_and_unresolvable_seeds_are_reported()
    {
        Assert.False(SeedResolver.TryParse("::1:11111", out _, out _));
        Assert.False(SeedResolver.TryParse("host", out _, out _));
        Assert.False(SeedResolver.TryParse("host:0", out _, out _));
        Assert.True(SeedResolver.TryParse(" silo-0.cache.ns.svc:11111 ", out string host, out int port));
        Assert.Equal(("silo-0.cache.ns.svc", 11111), (host, port));

        await Assert.ThrowsAsync<FormatException>(() => SeedResolver.ResolveAsync(["localhost"], CancellationToken.None));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SeedResolver.ResolveAsync(["no-such-silo.invalid:11111"], CancellationToken.None));
        Assert.Contains("no-such-silo.invalid:11111", error.Message);
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 11111)], await SeedResolver.ResolveAsync(["no-such-silo.invalid:11111", "127.0.0.1:11111"], CancellationToken.None));
    }
}
