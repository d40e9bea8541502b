using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the membership table of a clustered silo.</summary>
public static class ClusterMembershipServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ClusterMembershipOptions"/> with its validator (validated on start) and, with TryAdd so an earlier
    /// registration wins, <see cref="TimeProvider.System"/> and the <see cref="IMembershipTable"/> built by
    /// <see cref="MembershipTableFactory"/> from <see cref="ClusterMembershipOptions.Type"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <remarks>Binding the section is the caller's: <c>services.Configure&lt;ClusterMembershipOptions&gt;(configuration.GetSection(ClusterMembershipOptions.SectionName))</c>.
    /// The <see cref="MembershipAgent"/> itself is created by the cluster silo, which knows its own <see cref="SiloAddress"/>.</remarks>
    public static IServiceCollection AddClusterMembershipTable(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<ClusterMembershipOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMembershipTable>(static sp => MembershipTableFactory.Create(
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Logging.ILoggerFactory>()));
        return services;
    }
}
