using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Security;

[Collection(AcceptanceClusterCollection.Name)]
public sealed class HandshakeRefusalTests(AcceptanceClusterFixture fixture)
{
    [Theory]
    [InlineData("wrong-secret", HandshakeRefusalReason.AuthenticationFailed)]
    [InlineData(null, HandshakeRefusalReason.SecretRequired)]
    public async Task A_client_with_a_wrong_or_missing_secret_is_refused_with_a_typed_exception(string? secret, HandshakeRefusalReason expected)
    {
        await using ServiceProvider client = fixture.Cluster.CreateClientServices(settings => settings["Caching:Cluster:Secret"] = secret);

        HandshakeRefusedException refused = await FirstCallRefusedAsync(client);

        Assert.Equal(expected, refused.Reason);
        Assert.DoesNotContain(AcceptanceClusterFixture.Secret, refused.Message, StringComparison.Ordinal);
        await AssertClusterServesAsync();
    }

    [Fact]
    public async Task A_client_of_another_protocol_version_is_refused_with_a_typed_exception()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Caching:Type"] = "Cluster",
            ["Caching:Cluster:ClusterId"] = fixture.Cluster.ClusterId,
            ["Caching:Cluster:Secret"] = AcceptanceClusterFixture.Secret,
            ["Caching:Cluster:RetryDeadline"] = "00:00:05",
        };
        for (int i = 0; i < fixture.Cluster.Gateways.Count; i++)
        {
            settings[$"Caching:Cluster:Gateways:{i}"] = fixture.Cluster.Gateways[i];
        }

        var services = new ServiceCollection();
        var options = new ClusterOptions { ClusterId = fixture.Cluster.ClusterId, Secret = AcceptanceClusterFixture.Secret };
        services.AddSingleton<IFrameConnector>(new SocketFrameConnector(options, "client/future", TimeProvider.System, NullLoggerFactory.Instance) { ProtocolVersion = 999 });
        services.AddOrleansCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using ServiceProvider client = services.BuildServiceProvider();

        HandshakeRefusedException refused = await FirstCallRefusedAsync(client);

        Assert.Equal(HandshakeRefusalReason.ProtocolVersionMismatch, refused.Reason);
        Assert.Contains("999", refused.Message, StringComparison.Ordinal);
        await AssertClusterServesAsync();
    }

    /// <summary>Builds the client's cache (which starts it) and makes a first call; the refusal may surface from either.</summary>
    private static async Task<HandshakeRefusedException> FirstCallRefusedAsync(ServiceProvider client)
    {
        Exception? failure = await Record.ExceptionAsync(async () => await client.GetRequiredService<Cache>().SetAsync("refused", "value"));
        return Assert.IsType<HandshakeRefusedException>(failure);
    }

    private async Task AssertClusterServesAsync()
    {
        ICacheBackend cache = fixture.CreateBackend(new CacheBackendOptions { KeyPrefix = "refusal:" });
        Assert.True(await cache.SetAsync("after", "ok"u8.ToArray(), null, CancellationToken.None));
        Assert.Equal("ok"u8.ToArray(), await cache.GetAsync("after", CancellationToken.None));
        Assert.All(fixture.Cluster.Silos, silo => Assert.Equal(SiloStatus.Active, silo.ClusterSilo.Status));
    }
}
