using System.Text.Json;

namespace Orleans.Caching.Silo.Host.Tests;

/// <summary>The defaults the silo host embeds (its <c>appsettings.json</c>).</summary>
internal static class HostDefaults
{
    public static int SiloPort => Caching("Silo", "Endpoint", "Port").GetInt32();

    public static int DashboardPort => Caching("Silo", "Dashboard", "Port").GetInt32();

    public static TimeSpan ShutdownTimeout => TimeSpan.Parse(Caching("Silo", "Host", "ShutdownTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Caching(params string[] path)
    {
        JsonElement element = HostConfigurationKeys.HostDefaults.GetProperty("Caching");
        foreach (string part in path)
        {
            element = element.GetProperty(part);
        }

        return element;
    }
}
