using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Grains;

namespace Orleans.Caching.Silo;

/// <summary>A started embedded silo: its own service container (silo runtime, cache grains, storage), the silo, and its storage.</summary>
internal sealed class LocalSiloRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LocalSiloRuntime(ServiceProvider services, LocalSilo silo, LocalSiloStorage storage)
    {
        _services = services;
        Silo = silo;
        Storage = storage;
    }

    public LocalSilo Silo { get; }

    public LocalSiloStorage Storage { get; }

    /// <summary>Builds the silo from the <c>Silo</c> section of a cache's normalized configuration and starts it.</summary>
    /// <param name="context">The factory context of the first <c>Local</c> cache.</param>
    /// <param name="registry">The registry the storage backend is built with (the application's).</param>
    /// <param name="applicationServices">The application's services.</param>
    /// <returns>The started runtime.</returns>
    /// <exception cref="CacheConfigurationException">A <c>Caching:Silo</c> value is invalid.</exception>
    public static LocalSiloRuntime Start(CacheBackendFactoryContext context, CacheBackendRegistry registry, IServiceProvider applicationServices)
    {
        string siloPath = context.SectionPath + ":Silo";
        IConfiguration siloSection = context.Configuration.GetSection("Silo");
        SiloOptions options = LocalSiloConfiguration.BindSiloOptions(siloSection, siloPath);
        CacheGrainOptions grainOptions = LocalSiloConfiguration.BindGrainOptions(siloSection.GetSection("Grains"), siloPath + ":Grains");
        LocalSiloStorage storage = LocalSiloStorage.Create(siloSection.GetSection("Storage"), siloPath + ":Storage", options, registry, applicationServices, context);

        var services = new ServiceCollection();
        services.AddSingleton(context.TimeProvider);
        services.AddSingleton(context.LoggerFactory);
        services.AddSingleton<IOptions<SiloOptions>>(Options.Create(options));
        services.AddSingleton<IOptions<CacheGrainOptions>>(Options.Create(grainOptions));
        services.AddSingleton(storage.GrainStorage);
        services.AddOrleansCachingSiloCore().AddCacheGrains();
        ServiceProvider provider = services.BuildServiceProvider();
        LocalSilo silo = provider.GetRequiredService<LocalSilo>();
        silo.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Log.LocalSiloStarted(provider.GetRequiredService<ILogger<LocalSiloRuntime>>(), siloPath, storage.Description, options.Persistence);
        return new LocalSiloRuntime(provider, silo, storage);
    }

    /// <summary>Stops the silo gracefully (activations flush), then flushes and releases the storage.</summary>
    /// <returns>A task that completes when everything is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Silo.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _services.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Storage.DisposeAsync().ConfigureAwait(false);
        }
    }
}
