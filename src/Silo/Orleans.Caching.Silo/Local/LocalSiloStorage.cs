using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The storage of an embedded silo: the backend named by <c>Caching:Silo:Storage:Type</c> (any registry name, <c>SimpleCache</c> by
/// default, <c>None</c> for none), built like a cache's backend (so <c>CACHE_*</c> keys, <c>Options</c> and <c>Args</c> work), as
/// grain storage wrapped for the persistence mode.
/// </summary>
internal sealed class LocalSiloStorage : IAsyncDisposable
{
    /// <summary>The storage type used when none is configured: an in-memory <c>SimpleCache</c>.</summary>
    public const string DefaultType = "SimpleCache";

    /// <summary>The storage type meaning "no persistence".</summary>
    public const string NoneType = "None";

    private readonly WriteBehindGrainStorage? _writeBehind;

    private LocalSiloStorage(IGrainStorage grainStorage, ICacheBackend? backend, WriteBehindGrainStorage? writeBehind, string description)
    {
        GrainStorage = grainStorage;
        Backend = backend;
        _writeBehind = writeBehind;
        Description = description;
    }

    /// <summary>Gets the storage the grains use.</summary>
    public IGrainStorage GrainStorage { get; }

    /// <summary>Gets the backend behind it, or <see langword="null"/> without persistence.</summary>
    public ICacheBackend? Backend { get; }

    /// <summary>Gets a description for the log: the backend type, or <c>None</c>.</summary>
    public string Description { get; }

    /// <summary>Builds the storage from its section.</summary>
    /// <param name="section">The <c>Silo:Storage</c> section.</param>
    /// <param name="sectionPath">Its full path, for messages.</param>
    /// <param name="options">The silo options (persistence mode, write-behind interval).</param>
    /// <param name="registry">The backend registry.</param>
    /// <param name="applicationServices">The application's services.</param>
    /// <param name="context">The cache's factory context (clock, loggers).</param>
    /// <returns>The storage.</returns>
    /// <exception cref="CacheConfigurationException">The type is unknown, is <c>Local</c>, or the backend's values are invalid.</exception>
    public static LocalSiloStorage Create(IConfiguration section, string sectionPath, SiloOptions options, CacheBackendRegistry registry, IServiceProvider applicationServices, CacheBackendFactoryContext context)
    {
        IConfiguration normalized = CacheConfigurationNormalizer.NormalizeSection(section, sectionPath);
        string type = normalized["Type"] is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured.Trim() : DefaultType;
        bool none = string.Equals(type, NoneType, StringComparison.OrdinalIgnoreCase);
        if (!none && string.Equals(registry.ResolveName(type, sectionPath), "Local", StringComparison.OrdinalIgnoreCase))
        {
            string key = sectionPath + ":Type";
            throw new CacheConfigurationException(key,
                $"Invalid cache configuration: {FlaskConfigurationAliases.Describe(sectionPath, "Type")} is '{type}'; a silo cannot store its grains in a Local cache. Use a direct backend (SimpleCache, FileSystemCache, RedisCache...) or None.",
                null);
        }

        if (none || options.Persistence == PersistenceMode.None)
        {
            return new LocalSiloStorage(NullGrainStorage.Instance, null, null, NoneType);
        }

        ICacheBackend backend = registry.Create(new CacheBackendFactoryContext(type, normalized, applicationServices, context.InstanceName, sectionPath));
        var storage = new BackendGrainStorage(backend, options: null, context.TimeProvider, context.LoggerFactory.CreateLogger<BackendGrainStorage>());
        if (options.Persistence != PersistenceMode.WriteBehind)
        {
            return new LocalSiloStorage(storage, backend, null, backend.GetType().Name);
        }

        var writeBehind = new WriteBehindGrainStorage(
            storage,
            new WriteBehindGrainStorageOptions { FlushInterval = options.WriteBehindFlushInterval },
            context.TimeProvider,
            context.LoggerFactory.CreateLogger<WriteBehindGrainStorage>());
        return new LocalSiloStorage(writeBehind, backend, writeBehind, backend.GetType().Name + " (write-behind)");
    }

    /// <summary>Clears the backend; with write-behind, pending writes are flushed first so none lands after the clear.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the backend reported the clear as done (always without persistence).</returns>
    public async ValueTask<bool> ClearAsync(CancellationToken cancellationToken)
    {
        if (_writeBehind is not null)
        {
            await _writeBehind.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return Backend is null || await Backend.ClearAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what write-behind storage still holds (nothing to do for write-through or no storage).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when pending writes reached the backend.</returns>
    public Task FlushAsync(CancellationToken cancellationToken)
        => _writeBehind is null ? Task.CompletedTask : _writeBehind.FlushAsync(cancellationToken);

    /// <summary>Flushes write-behind state, then disposes the backend.</summary>
    /// <returns>A task that completes when everything is written and released.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_writeBehind is not null)
            {
                await _writeBehind.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            switch (Backend)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
