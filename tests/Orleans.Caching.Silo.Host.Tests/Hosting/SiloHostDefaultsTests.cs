using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Orleans.Caching.Silo.Host.Tests;

public sealed class SiloHostDefaultsTests
{
    [Fact]
    public void The_embedded_defaults_are_port_11111_dashboard_8080_in_memory_membership_and_a_30_second_stop()
    {
        Assert.Equal(11111, HostDefaults.SiloPort);
        Assert.Equal(SiloEndpointOptions.DefaultPort, HostDefaults.SiloPort);
        Assert.Equal(ClusterMembershipOptions.InMemoryType, new ClusterMembershipOptions().Type);
        Assert.Equal(DashboardOptions.DefaultPort, HostDefaults.DashboardPort);
        Assert.Equal(8080, DashboardOptions.DefaultPort);
        Assert.Equal(SiloHostWebApplicationBuilderExtensions.DefaultShutdownTimeout, HostDefaults.ShutdownTimeout);
        Assert.Equal("InMemory", HostConfigurationKeys.HostDefaults.GetProperty("Caching").GetProperty("Silo").GetProperty("Membership").GetProperty("Type").GetString());
    }

    [Fact]
    public void The_shutdown_timeout_defaults_to_30_seconds()
    {
        using WebApplication app = Build([]);

        Assert.Equal(TimeSpan.FromSeconds(30), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void The_shutdown_timeout_comes_from_configuration()
    {
        using WebApplication app = Build(new() { ["Caching:Silo:Host:ShutdownTimeout"] = "00:00:07" });

        Assert.Equal(TimeSpan.FromSeconds(7), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-00:00:05")]
    [InlineData("00:00:00")]
    public void An_invalid_shutdown_timeout_names_the_key(string value)
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => Build(new() { ["Caching:Silo:Host:ShutdownTimeout"] = value }));

        Assert.Contains("Caching:Silo:Host:ShutdownTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_formatter_is_chosen_by_configuration()
    {
        using WebApplication app = Build(new() { ["Logging:Console:FormatterName"] = "json" });

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public void The_dashboard_binds_its_section()
    {
        using WebApplication app = Build(new() { ["Caching:Silo:Dashboard:Port"] = "0", ["Caching:Silo:Dashboard:ListenAddress"] = "127.0.0.1" }, dashboard: true);
        DashboardOptions options = app.Services.GetRequiredService<DashboardOptions>();

        Assert.True(options.Enabled);
        Assert.Equal(0, options.Port);
        Assert.Equal("127.0.0.1", options.ListenAddress);
    }

    [Theory]
    [InlineData("Caching:Silo:Dashboard:Port", "70000")]
    [InlineData("Caching:Silo:Dashboard:Port", "-1")]
    [InlineData("Caching:Silo:Dashboard:ListenAddress", "everywhere")]
    public void An_invalid_dashboard_setting_names_the_key(string key, string value)
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => Build(new() { [key] = value }, dashboard: true));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Dictionary<string, string?> settings, bool dashboard = false)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOrleansCachingSiloHostDefaults();
        if (dashboard)
        {
            builder.Services.AddOrleansCachingSiloCore();
            builder.AddOrleansCachingDashboard();
        }

        return builder.Build();
    }
}
