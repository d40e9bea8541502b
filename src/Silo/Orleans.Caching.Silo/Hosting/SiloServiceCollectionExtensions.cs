using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-process silo runtime.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Registers the silo runtime as singletons (with TryAdd, so earlier registrations win): <see cref="LocalSilo"/>, the
    /// activation catalog and collector, <see cref="IGrainCallInvoker"/> (local delivery), <see cref="IGrainFactory"/>, the
    /// <see cref="SiloOptions"/> validator, <see cref="TimeProvider.System"/> and logging. Grains come from
    /// <see cref="GrainClassRegistration"/>s and <see cref="GrainInterfaceRegistration"/>s; storage from an <see cref="IGrainStorage"/>;
    /// filters from <see cref="IIncomingGrainCallFilter"/>s and <see cref="IOutgoingGrainCallFilter"/>s, all in DI.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <remarks>Binding the <c>Caching:Silo</c> section is the caller's: <c>services.Configure&lt;SiloOptions&gt;(configuration.GetSection(SiloOptions.SectionName))</c>.</remarks>
    public static IServiceCollection AddOrleansCachingSiloCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<SiloOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivationCollector>();
        services.TryAddSingleton<ActivationCatalog>();
        services.TryAddSingleton<LocalGrainCallInvoker>();
        services.TryAddSingleton<IGrainCallInvoker>(static sp => sp.GetRequiredService<LocalGrainCallInvoker>());
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddSingleton(static sp => new LocalSilo(
            sp.GetRequiredService<ActivationCatalog>(),
            sp.GetRequiredService<ActivationCollector>(),
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<IOptions<SiloOptions>>(),
            sp.GetRequiredService<ILogger<LocalSilo>>()));
        return services;
    }
}
