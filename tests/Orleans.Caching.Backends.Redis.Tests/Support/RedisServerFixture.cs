namespace Orleans.Caching.Tests.Support;

/// <summary>Two real servers shared by the "Redis" collection: a plain one (also on a unix socket) and one with <c>requirepass</c>.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string SecretPassword = "s3cret-Pa55word";

    private readonly TempDirectory _directory = new();

    public RedisProcess Plain { get; private set; } = null!;

    public RedisProcess Secured { get; private set; } = null!;

    public string Root => _directory.Path;

    public async Task InitializeAsync()
    {
        Plain = await RedisProcess.StartAsync(Path.Combine(_directory.Path, "plain"), unixSocket: true, extraConfig: "databases 16\n");
        Secured = await RedisProcess.StartAsync(Path.Combine(_directory.Path, "secured"), password: SecretPassword);
    }

    public async Task DisposeAsync()
    {
        await Plain.DisposeAsync();
        await Secured.DisposeAsync();
        _directory.Dispose();
    }

    public RedisCache CreateCache(Action<RedisCacheOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new RedisCacheOptions { Host = "127.0.0.1", Port = Plain.Port };
        configure?.Invoke(options);
        return new RedisCache(options, timeProvider);
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "Redis";
}
