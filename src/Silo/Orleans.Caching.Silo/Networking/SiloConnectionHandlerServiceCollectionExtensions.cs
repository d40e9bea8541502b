using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the silo's cluster listener.</summary>
public static class SiloConnectionHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SiloConnectionHandler"/> and its <see cref="FrameConnectionAcceptor"/> (with TryAdd, so earlier
    /// registrations win), a silo-wide <see cref="HandshakeReplayCache"/>, <see cref="ClusterOptions"/> and
    /// <see cref="TimeProvider.System"/>. The acceptor's identity is <see cref="IClusterMembership.Self"/> when registered, else
    /// <c>silo/&lt;machine&gt;/&lt;pid&gt;</c>. The <see cref="IFrameHandler"/> that serves inbound frames must be registered by the caller.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    /// <remarks>Binding <c>Caching:Cluster</c> is the caller's: <c>services.Configure&lt;ClusterOptions&gt;(configuration.GetSection(ClusterOptions.SectionName))</c>.</remarks>
    public static IServiceCollection AddSiloConnectionHandler(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<ClusterOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static _ => new HandshakeReplayCache());
        services.TryAddSingleton(static sp =>
        {
            string fallback = string.Create(CultureInfo.InvariantCulture, $"silo/{Environment.MachineName}/{Environment.ProcessId}");
            return new FrameConnectionAcceptor(
                sp.GetRequiredService<IOptions<ClusterOptions>>().Value,
                () => sp.GetService<IClusterMembership>()?.Self.ToString() ?? fallback,
                sp.GetRequiredService<HandshakeReplayCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton<SiloConnectionHandler>();
        return services;
    }
}
