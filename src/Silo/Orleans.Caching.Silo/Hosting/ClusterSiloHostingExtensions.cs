using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Caching;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;
using Orleans.Caching.Silo;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Makes an ASP.NET Core host a silo of an Orleans.Caching cluster.</summary>
public static class ClusterSiloHostingExtensions
{
    /// <summary>
    /// Adds a cluster silo to the host, configured from <c>builder.Configuration</c>: <c>Caching:Cluster</c> (<see cref="ClusterOptions"/>:
    /// cluster id, secret, TLS), <c>Caching:Silo</c> (<see cref="SiloOptions"/>; <c>Storage</c>, <c>Persistence</c>, <c>Grains</c>),
    /// <c>Caching:Silo:Endpoint</c> (<see cref="SiloEndpointOptions"/>: port 11111 by default) and <c>Caching:Silo:Membership</c>
    /// (<see cref="ClusterMembershipOptions"/>). Kestrel listens for the cluster protocol on the silo port; <see cref="ClusterSilo"/> joins
    /// the cluster once the server is listening and leaves gracefully when the host stops (SIGTERM). An <see cref="IMembershipTable"/>
    /// registered before this call is used as is (a test cluster shares one).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="CacheConfigurationException">A <c>Caching:*</c> value is invalid.</exception>
    public static WebApplicationBuilder AddOrleansCachingSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfiguration configuration = builder.Configuration;
        IServiceCollection services = builder.Services;

        IConfigurationSection siloSection = configuration.GetSection(SiloOptions.SectionName);
        SiloOptions siloOptions = LocalSiloConfiguration.BindSiloOptions(siloSection, SiloOptions.SectionName);
        CacheGrainOptions grainOptions = LocalSiloConfiguration.BindGrainOptions(siloSection.GetSection("Grains"), SiloOptions.SectionName + ":Grains");
        SiloEndpointOptions endpointOptions = ClusterSiloConfiguration.BindEndpoint(configuration.GetSection(SiloEndpointOptions.SectionName));
        ClusterOptions clusterOptions = ClusterSiloConfiguration.BindCluster(configuration.GetSection(ClusterOptions.SectionName));
        ClusterMembershipOptions membershipOptions = ClusterSiloConfiguration.BindMembership(configuration.GetSection(ClusterMembershipOptions.SectionName));

        services.AddSingleton<IOptions<SiloOptions>>(Options.Create(siloOptions));
        services.AddSingleton<IOptions<CacheGrainOptions>>(Options.Create(grainOptions));
        services.AddSingleton<IOptions<SiloEndpointOptions>>(Options.Create(endpointOptions));
        services.AddSingleton<IOptions<ClusterOptions>>(Options.Create(clusterOptions));
        services.AddSingleton<IOptions<ClusterMembershipOptions>>(Options.Create(membershipOptions));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CacheBackendRegistry>();
        services.TryAddSingleton(sp => ClusterSiloConfiguration.CreateStorage(sp, siloSection, siloOptions));
        services.TryAddSingleton<IGrainStorage>(static sp => sp.GetRequiredService<LocalSiloStorage>().GrainStorage);
        services.TryAddSingleton<IMembershipTable>(static sp => MembershipTableFactory.Create(
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(MembershipTableCodecs.SiloCodec);
        services.TryAddSingleton(static sp => new SiloStatistics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(static sp => new SiloRoutingInvoker(
            sp.GetRequiredService<LocalGrainCallInvoker>(),
            sp.GetRequiredService<GrainMessageCodec>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ResponseTimeout));

        // The silo's own grain calls (system targets, the dashboard) route by ownership; registered before the core, which only TryAdds.
        services.TryAddSingleton<IGrainCallInvoker>(static sp => sp.GetRequiredService<SiloRoutingInvoker>());
        services.AddOrleansCachingSiloCore().AddCacheGrains();
        services.TryAddSingleton<ICacheSiloControl>(static sp => new ClusterSiloControl(sp.GetRequiredService<LocalSilo>(), sp.GetRequiredService<LocalSiloStorage>()));
        services.AddCacheClusterControl();
        services.AddSingleton(new SystemTargetRegistration(MembershipTableCodecs.Type, static sp => new MembershipTableSystemTarget(sp.GetRequiredService<IMembershipTable>())));
        services.TryAddSingleton(static sp => new SiloFrameHandler(
            sp.GetRequiredService<GrainMessageCodec>(),
            sp.GetRequiredService<LocalGrainCallInvoker>(),
            CreateSystemTargets(sp),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<SiloFrameHandler>()));
        services.TryAddSingleton<IFrameHandler>(static sp => sp.GetRequiredService<SiloFrameHandler>());
        services.TryAddSingleton(static _ => new HandshakeReplayCache());
        services.TryAddSingleton(static sp => new FrameConnectionAcceptor(
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value,
            () => sp.GetRequiredService<ClusterSilo>().Identity,
            sp.GetRequiredService<HandshakeReplayCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<SiloListenerGate>();
        services.TryAddSingleton(static sp => new SiloConnectionHandler(
            sp.GetRequiredService<FrameConnectionAcceptor>(),
            sp.GetRequiredService<IFrameHandler>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SiloConnectionHandler>>(),
            sp.GetRequiredService<SiloListenerGate>()));
        services.AddSiloConnectionHandler();

        var binding = new SiloEndpointBinding();
        services.AddSingleton(binding);
        services.TryAddSingleton(static sp => new ClusterSilo(
            sp.GetRequiredService<LocalSilo>(),
            sp.GetRequiredService<SiloRoutingInvoker>(),
            sp.GetRequiredService<SiloFrameHandler>(),
            sp.GetRequiredService<LocalSiloStorage>(),
            sp.GetRequiredService<IMembershipTable>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<IOptions<ClusterMembershipOptions>>(),
            sp.GetRequiredService<IOptions<SiloEndpointOptions>>(),
            sp.GetRequiredService<SiloEndpointBinding>(),
            sp.GetRequiredService<SiloListenerGate>(),
            sp.GetRequiredService<SiloStatistics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IHostApplicationLifetime>()));
        services.AddHostedService(static sp => sp.GetRequiredService<ClusterSilo>());

        IPAddress listenAddress = IPAddress.Parse(endpointOptions.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(listenAddress, endpointOptions.Port, listen =>
        {
            binding.ListenOptions = listen;
            listen.UseOrleansCachingSilo();
        }));
        return builder;
    }

    private static FrozenDictionary<GrainType, object> CreateSystemTargets(IServiceProvider services)
    {
        var targets = new Dictionary<GrainType, object>();
        foreach (SystemTargetRegistration registration in services.GetServices<SystemTargetRegistration>())
        {
            targets[registration.Type] = registration.Create(services);
        }

        return targets.ToFrozenDictionary();
    }
}
