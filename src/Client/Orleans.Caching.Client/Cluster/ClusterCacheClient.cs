using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// The cluster client of <c>Caching:Type = Cluster</c>: one per application service provider, shared by every <c>Cluster</c> cache it
/// serves. It is built from the <c>Caching:Cluster</c> section and started (a gateway contacted, the membership read) when the first
/// <c>Cluster</c> cache is created; disposing it (the application's service provider does) closes its connections.
/// </summary>
/// <remarks>Several <c>Cluster</c> caches (named instances) share this client; the first one built decides its settings. <c>clear()</c>
/// clears every silo, whatever the caches' prefixes.</remarks>
public sealed class ClusterCacheClient : IAsyncDisposable, IDisposable
{
    private readonly IServiceProvider _applicationServices;
    private readonly StartOnce<Runtime> _runtime;

    /// <summary>Initializes a new instance of the <see cref="ClusterCacheClient"/> class; nothing is contacted until the first <c>Cluster</c> cache is built.</summary>
    /// <param name="applicationServices">The application's services (clock, loggers). An <see cref="IFrameConnector"/> registered there replaces
    /// the default <see cref="SocketFrameConnector"/> (TCP, TLS per <c>Caching:Cluster:Tls</c>).</param>
    public ClusterCacheClient(IServiceProvider applicationServices)
    {
        ArgumentNullException.ThrowIfNull(applicationServices);
        _applicationServices = applicationServices;
        _runtime = new StartOnce<Runtime>(this, "The cluster client starts with the first cache of Caching:Type = Cluster; none has been built yet.");
    }

    /// <summary>Gets a value indicating whether the client has been started.</summary>
    public bool IsStarted => _runtime.IsStarted;

    /// <summary>Gets the started client.</summary>
    /// <exception cref="InvalidOperationException">No <c>Cluster</c> cache has been built yet.</exception>
    /// <exception cref="ObjectDisposedException">The client has been disposed.</exception>
    public ClusterClient Client => Current.Client;

    /// <summary>Gets the factory of references to the cluster's grains: the cache grains and every <see cref="GrainInterfaceRegistration"/>
    /// in the application's services. Its calls run the application's <see cref="IOutgoingGrainCallFilter"/>s (such as the one of
    /// <c>AddMemoizedGrainCalls</c>); requests of application grains need a <see cref="GrainMethodCodec"/> registered in the services.</summary>
    /// <exception cref="InvalidOperationException">No <c>Cluster</c> cache has been built yet.</exception>
    public IGrainFactory GrainFactory => Current.ApplicationGrains;

    private Runtime Current => _runtime.Current;

    /// <summary>Closes the client's connections. Later calls wait for the first.</summary>
    /// <returns>A task that completes when the client is closed.</returns>
    public ValueTask DisposeAsync() => _runtime.DisposeAsync(static runtime => runtime.Client.DisposeAsync());

    /// <summary>Closes the client, blocking until it has: for service providers disposed synchronously. Prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Builds a <see cref="GrainCache"/> over the started client, starting it from the cache's configuration on first use.</summary>
    /// <param name="context">The factory context of a <c>Cluster</c> cache.</param>
    /// <returns>The backend.</returns>
    /// <exception cref="CacheConfigurationException">A <c>Caching:Cluster</c> value is invalid.</exception>
    /// <exception cref="GrainCallRejectedException">No gateway could be reached.</exception>
    internal GrainCache CreateCache(CacheBackendFactoryContext context)
    {
        Runtime runtime = _runtime.GetOrStart(() => Start(context));
        return new GrainCache(runtime.Grains, runtime.Batches, runtime.Batches, context.CreateOptions<CacheBackendOptions>(), context.TimeProvider);
    }

    private Runtime Start(CacheBackendFactoryContext context)
    {
        ClusterOptions options = ClusterConfiguration.Bind(context.Configuration, context.SectionPath);
        IFrameConnector connector = _applicationServices.GetService<IFrameConnector>()
            ?? new SocketFrameConnector(options, $"client/{Environment.MachineName}/{Environment.ProcessId}", context.TimeProvider, context.LoggerFactory);
        var client = new ClusterClient(options, connector, CreateCodec(), context.TimeProvider, context.LoggerFactory);
        try
        {
            client.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch
        {
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        var grains = new GrainFactory(CacheGrainInterfaces.Registrations, client);

        // The cache's own calls skip the filters; the application's factory runs them (none registered: no wrapper at all).
        var applicationGrains = new GrainFactory(
            [.. CacheGrainInterfaces.Registrations, .. _applicationServices.GetServices<GrainInterfaceRegistration>()],
            FilteredGrainCallInvoker.Create(client, _applicationServices.GetServices<IOutgoingGrainCallFilter>()));
        Log.ClusterClientStarted(context.LoggerFactory.CreateLogger<ClusterCacheClient>(), context.SectionPath, options.Gateways.Count, client.CurrentView.ActiveSilos.Count);
        return new Runtime(client, grains, applicationGrains, new ClusterBatchInvoker(client, grains));
    }

    // The cache grains' codecs, plus the application's GrainMethodCodecs when it registers any.
    private GrainMessageCodec CreateCodec()
    {
        GrainMethodCodec[] application = [.. _applicationServices.GetServices<GrainMethodCodec>()];
        return application.Length == 0 ? CacheGrainCodecs.MessageCodec : new GrainMessageCodec([.. CacheGrainCodecs.Methods, .. application]);
    }

    private sealed record Runtime(ClusterClient Client, IGrainFactory Grains, IGrainFactory ApplicationGrains, ClusterBatchInvoker Batches);
}
