namespace Orleans.Caching.Tests.Servers;

/// <summary>Servers for one test collection; each collection has its own, so collections run in parallel without flushing each other.</summary>
public abstract class MemcachedFixture : IAsyncLifetime
{
    public List<MemcachedServer> Servers { get; } = [];

    public SaslDatabase? Sasl { get; private set; }

    public IList<string> Addresses => Servers.Select(s => s.Address).ToList();

    public async Task InitializeAsync()
    {
        if (NeedsSasl)
        {
            Sasl = await SaslDatabase.CreateAsync();
        }

        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (MemcachedServer server in Servers)
        {
            await server.DisposeAsync();
        }

        Sasl?.Dispose();
    }

    protected virtual bool NeedsSasl => false;

    protected abstract Task StartAsync();
}

/// <summary>One plain server with 2 MiB items (so the contract's 1 MiB value fits with its key).</summary>
public sealed class OnePlainServerFixture : MemcachedFixture
{
    protected override async Task StartAsync() => Servers.Add(await MemcachedServer.StartPlainAsync("2m"));
}

/// <summary>Two plain servers with 2 MiB items.</summary>
public sealed class TwoPlainServersFixture : MemcachedFixture
{
    protected override async Task StartAsync()
    {
        Servers.Add(await MemcachedServer.StartPlainAsync("2m"));
        Servers.Add(await MemcachedServer.StartPlainAsync("2m"));
    }
}

/// <summary>One SASL server (binary protocol) with 2 MiB items.</summary>
public sealed class SaslServerFixture : MemcachedFixture
{
    protected override bool NeedsSasl => true;

    protected override async Task StartAsync() => Servers.Add(await MemcachedServer.StartSaslAsync(Sasl!, "2m"));
}

/// <summary>One SASL server with memcached's default 1 MiB items, for the spread backend.</summary>
public sealed class SpreadServerFixture : MemcachedFixture
{
    protected override bool NeedsSasl => true;

    protected override async Task StartAsync() => Servers.Add(await MemcachedServer.StartSaslAsync(Sasl!));
}

[CollectionDefinition(Name)]
public sealed class OnePlainServerCollection : ICollectionFixture<OnePlainServerFixture>
{
    public const string Name = "memcached: one plain server";
}

[CollectionDefinition(Name)]
public sealed class TwoPlainServersCollection : ICollectionFixture<TwoPlainServersFixture>
{
    public const string Name = "memcached: two plain servers";
}

[CollectionDefinition(Name)]
public sealed class SaslServerCollection : ICollectionFixture<SaslServerFixture>
{
    public const string Name = "memcached: SASL server";
}

[CollectionDefinition(Name)]
public sealed class SpreadServerCollection : ICollectionFixture<SpreadServerFixture>
{
    public const string Name = "memcached: SASL server for the spread backend";
}
