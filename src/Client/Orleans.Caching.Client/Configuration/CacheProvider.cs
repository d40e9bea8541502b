using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Orleans.Caching;

/// <summary>Builds each cache once: options (validated), then the serializer, then the backend, so a bad serializer fails before
/// any backend connects. Owns the backends it built and disposes them.</summary>
internal sealed class CacheProvider : ICacheProvider, IAsyncDisposable, IDisposable
{
    private readonly CachingRegistration _registration;
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<string, Lazy<Cache>> _caches = new(StringComparer.Ordinal);

    public CacheProvider(CachingRegistration registration, IServiceProvider services)
    {
        _registration = registration;
        _services = services;
    }

    public IReadOnlyList<string> Names => _registration.InstanceNames;

    public Cache GetCache(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registration.Knows(name))
        {
            throw new CacheConfigurationException(
                $"No cache instance is named '{name}'. Named instances: {(Names.Count == 0 ? "(none)" : string.Join(", ", Names))}; "
                + "declare one under Caching:Instances:<name> or with OrleansCachingBuilder.AddCache.");
        }

        return _caches.GetOrAdd(name, n => new Lazy<Cache>(() => Build(n))).Value;
    }

    public void Dispose()
    {
        foreach (ICacheBackend backend in BuiltBackends())
        {
            (backend as IDisposable)?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ICacheBackend backend in BuiltBackends())
        {
            if (backend is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                (backend as IDisposable)?.Dispose();
            }
        }
    }

    private IEnumerable<ICacheBackend> BuiltBackends()
        => _caches.Values.Where(l => l.IsValueCreated).Select(l => l.Value.Backend).Distinct();

    private Cache Build(string name)
    {
        CacheOptions options;
        try
        {
            options = _services.GetService(typeof(IOptionsMonitor<CacheOptions>)) is IOptionsMonitor<CacheOptions> monitor
                ? monitor.Get(name)
                : new CacheOptions();
        }
        catch (OptionsValidationException ex)
        {
            throw new CacheConfigurationException(string.Join(" ", ex.Failures), ex);
        }

        CacheConfigurationReader reader = _registration.Reader(name);
        ILoggerFactory loggerFactory = _services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? NullLoggerFactory.Instance;
        ILogger<CacheProvider> logger = loggerFactory.CreateLogger<CacheProvider>();
        ICacheSerializer serializer = CacheSerializerResolver.Resolve(_registration, reader, _services);
        string type = reader.GetNonEmptyString("Type") ?? CachingRegistration.DefaultBackendType;
        var context = new CacheBackendFactoryContext(type, reader.Configuration, _services, name);
        ICacheBackend backend = _registration.Registry.Create(context);
        if (backend is NullCache)
        {
            if (!reader.GetBoolean("NoNullWarning", defaultValue: false))
            {
                Log.NullCacheConfigured(logger, reader.SectionPath);
            }

            if (CacheSerializerResolver.IsConfigured(_registration, reader))
            {
                Log.SerializerUnusedByNullCache(logger, reader.SectionPath);
            }
        }

        Log.CacheCreated(logger, name.Length == 0 ? "(default)" : name, type, backend.GetType().Name, serializer.GetType().Name);
        return new Cache(backend, options, serializer, loggerFactory.CreateLogger<Cache>(), context.TimeProvider);
    }
}
