using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The embedded silo of <c>Caching:Type = Local</c>: one per application service provider, holding the cache grains of every
/// <c>Local</c> cache it serves. It is built and started from the <c>Caching:Silo</c> section when the first <c>Local</c> cache is
/// created, in its own service container (the silo runtime, the cache grains, the storage of <c>Caching:Silo:Storage</c> wrapped for
/// <c>Caching:Silo:Persistence</c>), on the application's clock and loggers.
/// </summary>
/// <remarks>
/// <para>Disposing it (the application's service provider does) stops the silo gracefully: every activation is deactivated and
/// flushes its state, write-behind storage writes what it still holds, then the storage backend is disposed.</para>
/// <para>Several <c>Local</c> caches (named instances) share this silo; the first one built decides its settings. Their keys do not
/// collide when they use different key prefixes.</para>
/// </remarks>
public sealed class LocalCacheSilo : ICacheSiloControl, IAsyncDisposable, IDisposable
{
    private readonly IServiceProvider _applicationServices;
    private readonly StartOnce<LocalSiloRuntime> _runtime;

    /// <summary>Initializes a new instance of the <see cref="LocalCacheSilo"/> class; nothing starts until the first <c>Local</c> cache is built.</summary>
    /// <param name="applicationServices">The application's services (clock, loggers, the backend registry).</param>
    public LocalCacheSilo(IServiceProvider applicationServices)
    {
        ArgumentNullException.ThrowIfNull(applicationServices);
        _applicationServices = applicationServices;
        _runtime = new StartOnce<LocalSiloRuntime>(this, "The local silo starts with the first cache of Caching:Type = Local; none has been built yet.");
    }

    /// <summary>Gets a value indicating whether the silo has been started.</summary>
    public bool IsStarted => _runtime.IsStarted;

    /// <summary>Gets the running silo.</summary>
    /// <exception cref="InvalidOperationException">No <c>Local</c> cache has been built yet, so the silo has not started.</exception>
    /// <exception cref="ObjectDisposedException">The silo has been stopped.</exception>
    public LocalSilo Silo => Runtime.Silo;

    /// <summary>Gets the factory of references to the silo's grains.</summary>
    /// <exception cref="InvalidOperationException">The silo has not started.</exception>
    public IGrainFactory GrainFactory => Runtime.Silo.GrainFactory;

    /// <summary>Gets the grain storage the silo persists to (possibly wrapped for write-behind), for diagnostics and tests.</summary>
    /// <exception cref="InvalidOperationException">The silo has not started.</exception>
    public IGrainStorage Storage => Runtime.Storage.GrainStorage;

    private LocalSiloRuntime Runtime => _runtime.Current;

    /// <summary>Clears the silo's storage and drops its cache activations (<c>clear()</c> of a <c>Local</c> cache).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the storage reported the clear as done (always, without storage).</returns>
    /// <remarks>Every <c>Local</c> cache of the application shares the silo, so this clears them all, whatever their prefixes.</remarks>
    public async ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        LocalSiloRuntime runtime = Runtime;
        await runtime.Silo.DeactivateAllAsync(DeactivationReason.Cleared, filter: null, cancellationToken).ConfigureAwait(false);
        return await runtime.Storage.ClearAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the silo gracefully (flushing state) and releases its storage. Later calls wait for the first.</summary>
    /// <returns>A task that completes when the silo has stopped.</returns>
    public ValueTask DisposeAsync() => _runtime.DisposeAsync(static runtime => runtime.DisposeAsync());

    /// <summary>Stops the silo, blocking until it has: for service providers disposed synchronously (<c>using var provider</c>).
    /// Prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Returns the running silo, building and starting it from the cache's configuration on first use.</summary>
    /// <param name="context">The factory context of the first <c>Local</c> cache (its normalized section holds <c>Silo</c>).</param>
    /// <returns>The runtime.</returns>
    /// <exception cref="CacheConfigurationException">A <c>Caching:Silo</c> value is invalid.</exception>
    internal LocalSiloRuntime GetOrStart(CacheBackendFactoryContext context) => _runtime.GetOrStart(() =>
        LocalSiloRuntime.Start(context, _applicationServices.GetService<CacheBackendRegistry>() ?? new CacheBackendRegistry(), _applicationServices));
}
