using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Caching;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The process-level settings of a silo host: how long a graceful stop may take and console logging.</summary>
public static class SiloHostWebApplicationBuilderExtensions
{
    /// <summary>The section of the host's own settings: <c>Caching:Silo:Host</c>.</summary>
    public const string SectionName = "Caching:Silo:Host";

    /// <summary>The default time a graceful stop (SIGTERM, Ctrl+C) may take before the host gives up on the remaining work.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Applies <c>Caching:Silo:Host:ShutdownTimeout</c> (default 30 s) to <see cref="HostOptions.ShutdownTimeout"/>, and logs to the
    /// console with the formatter <c>Logging:Console:FormatterName</c> names (<c>simple</c> by default, <c>json</c> for structured logs,
    /// <c>systemd</c>).
    /// </summary>
    /// <param name="builder">The silo's web application builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="CacheConfigurationException">The shutdown timeout does not parse or is not positive.</exception>
    /// <remarks>An orchestrator must wait longer than the shutdown timeout before it kills the process (Kubernetes:
    /// <c>terminationGracePeriodSeconds</c>), or a stopping silo is killed before it has handed its grains over.</remarks>
    public static WebApplicationBuilder AddOrleansCachingSiloHostDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        TimeSpan shutdownTimeout = ReadShutdownTimeout(builder.Configuration.GetSection(SectionName));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdownTimeout);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole();

        // The slim builder pins the simple formatter after the configuration binding; the configured name wins over it here.
        if (builder.Configuration["Logging:Console:FormatterName"] is { Length: > 0 } formatter)
        {
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = formatter);
        }
        return builder;
    }

    internal static TimeSpan ReadShutdownTimeout(IConfiguration section)
    {
        string key = SectionName + ":ShutdownTimeout";
        string? text = section["ShutdownTimeout"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultShutdownTimeout;
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out TimeSpan value) || value <= TimeSpan.Zero)
        {
            throw new CacheConfigurationException(key, $"Invalid cache configuration: {key} is '{text}'; expected a positive time span such as 00:00:30.", null);
        }

        return value;
    }
}
