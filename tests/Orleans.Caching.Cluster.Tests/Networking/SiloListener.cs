using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Orleans.Caching.Cluster.Tests.Networking;

/// <summary>A real Kestrel listener on 127.0.0.1:0 serving the cluster protocol through <see cref="SiloConnectionHandler"/>.</summary>
public sealed class SiloListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloListener(WebApplication app, IPEndPoint endPoint, ListLoggerProvider logs)
    {
        _app = app;
        EndPoint = endPoint;
        Logs = logs;
    }

    public IPEndPoint EndPoint { get; }

    public ListLoggerProvider Logs { get; }

    public static async Task<SiloListener> StartAsync(ClusterOptions options, IFrameHandler handler, string identity = "127.0.0.1:1@1")
    {
        var logs = new ListLoggerProvider();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(handler);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(sp => new FrameConnectionAcceptor(options, identity, new HandshakeReplayCache(), TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSiloConnectionHandler();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseOrleansCachingSilo()));
        WebApplication app = builder.Build();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SiloListener(app, new IPEndPoint(IPAddress.Loopback, new Uri(address).Port), logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
