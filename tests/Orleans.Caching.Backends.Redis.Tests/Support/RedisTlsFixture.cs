namespace Orleans.Caching.Tests.Support;

/// <summary>A real <c>redis-server</c> that speaks only TLS (with <c>requirepass</c>), its certificate signed by a throwaway authority,
/// and a second authority that signed nothing the server presents.</summary>
public sealed class RedisTlsFixture : IAsyncLifetime
{
    public const string Password = "tls-Pa55word";

    private readonly TempDirectory _directory = new();

    public RedisProcess Server { get; private set; } = null!;

    public TestCertificates Certificates { get; private set; } = null!;

    public TestCertificates Stranger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Certificates = TestCertificates.Create(Path.Combine(_directory.Path, "pki"));
        Stranger = TestCertificates.Create(Path.Combine(_directory.Path, "pki"), "stranger");
        Server = await RedisProcess.StartAsync(Path.Combine(_directory.Path, "tls"), password: Password, tls: Certificates);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class RedisTlsCollection : ICollectionFixture<RedisTlsFixture>
{
    public const string Name = "Redis TLS";
}
