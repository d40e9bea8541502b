using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Caching;
using Orleans.Caching.Silo;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the silo's dashboard and health endpoint to a web application.</summary>
public static class DashboardWebApplicationBuilderExtensions
{
    /// <summary>
    /// Binds <see cref="DashboardOptions"/> (<c>Caching:Silo:Dashboard</c>), registers the activation and memory gauges, and when the
    /// dashboard is enabled adds a Kestrel HTTP/1.1 listener on <see cref="DashboardOptions.ListenAddress"/>:<see cref="DashboardOptions.Port"/>
    /// beside the silo's own port. Map the routes with <see cref="DashboardEndpointRouteBuilderExtensions.MapOrleansCachingDashboard"/>.
    /// </summary>
    /// <param name="builder">The silo's web application builder (see <c>AddOrleansCachingSilo</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="CacheConfigurationException">The port or the listen address is invalid.</exception>
    public static WebApplicationBuilder AddOrleansCachingDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DashboardOptions options = Bind(builder.Configuration.GetSection(DashboardOptions.SectionName));
        builder.Services.AddSingleton(options);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(static sp => new SiloStatistics(sp.GetService<IMeterFactory>()));
        builder.Services.TryAddSingleton(static sp => new DashboardMetrics(
            sp.GetRequiredService<LocalSilo>(),
            sp.GetRequiredService<SiloStatistics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IMeterFactory>()));
        var listener = new DashboardListener();
        builder.Services.AddSingleton(listener);
        if (options.Enabled)
        {
            IPAddress address = IPAddress.Parse(options.ListenAddress);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listener.Listen = listen;
            }));
        }

        return builder;
    }

    private static DashboardOptions Bind(IConfigurationSection section)
    {
        var options = new DashboardOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new CacheConfigurationException(DashboardOptions.SectionName, $"Invalid cache configuration in {DashboardOptions.SectionName}: {ex.Message}", ex);
        }

        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            string key = DashboardOptions.SectionName + ":" + nameof(DashboardOptions.Port);
            throw new CacheConfigurationException(key, $"Invalid cache configuration: {key} is '{options.Port}'; expected 0 (a free port) to {IPEndPoint.MaxPort}.", null);
        }

        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            string key = DashboardOptions.SectionName + ":" + nameof(DashboardOptions.ListenAddress);
            throw new CacheConfigurationException(key, $"Invalid cache configuration: {key} is '{options.ListenAddress}'; expected an IP address such as 0.0.0.0 or 127.0.0.1.", null);
        }

        return options;
    }
}
