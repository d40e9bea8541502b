using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Caching.Silo;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the silo's dashboard and health routes.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, when <see cref="DashboardOptions.Enabled"/>: <c>GET /health/live</c> (200 while the process runs), <c>GET /health/ready</c>
    /// (200 when this silo is Active, else 503 with its status), <c>GET /dashboard</c> (a self-contained page), <c>GET /dashboard/api/status</c>
    /// (JSON), and <c>GET|PUT /dashboard/api/keys/{key}</c> (read or write a key through the silo's grain factory).
    /// </summary>
    /// <param name="endpoints">The silo's web application.</param>
    /// <returns>The endpoints.</returns>
    /// <remarks>Call <see cref="DashboardWebApplicationBuilderExtensions.AddOrleansCachingDashboard"/> on the builder first.</remarks>
    /// <exception cref="InvalidOperationException"><c>AddOrleansCachingDashboard</c> was not called.</exception>
    public static IEndpointRouteBuilder MapOrleansCachingDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        DashboardOptions options = endpoints.ServiceProvider.GetService<DashboardOptions>()
            ?? throw new InvalidOperationException("Call builder.AddOrleansCachingDashboard() before app.MapOrleansCachingDashboard().");
        if (!options.Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet("/health/live", DashboardHandlers.LiveAsync);
        endpoints.MapGet("/health/ready", DashboardHandlers.ReadyAsync);
        endpoints.MapGet("/dashboard", DashboardHandlers.PageAsync);
        endpoints.MapGet("/dashboard/api/status", DashboardHandlers.StatusAsync);
        endpoints.MapGet("/dashboard/api/keys/{**key}", DashboardHandlers.GetKeyAsync);
        endpoints.MapPut("/dashboard/api/keys/{**key}", DashboardHandlers.SetKeyAsync);

        IServiceProvider services = endpoints.ServiceProvider;
        _ = services.GetRequiredService<DashboardMetrics>(); // the gauges exist from the start, not from the first page view
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            if (services.GetRequiredService<DashboardListener>().EndPoint is { } bound)
            {
                ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Caching.Silo.Dashboard");
                Log.DashboardListening(logger, bound.Address.ToString(), bound.Port);
            }
        });
        return endpoints;
    }
}
