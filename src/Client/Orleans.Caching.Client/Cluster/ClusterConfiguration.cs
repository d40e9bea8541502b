using Microsoft.Extensions.Configuration;
using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>Binds and validates the <c>Caching:Cluster</c> section of a <c>Cluster</c> cache; every failure names the key.</summary>
internal static class ClusterConfiguration
{
    private static readonly char[] s_separators = [',', ';', ' '];

    /// <summary>Binds <see cref="ClusterOptions"/> from the <c>Cluster</c> section of a cache's normalized configuration.</summary>
    /// <param name="configuration">The cache's normalized section.</param>
    /// <param name="sectionPath">The cache's section path (<c>Caching</c>, <c>Caching:Instances:&lt;name&gt;</c>).</param>
    /// <returns>The options.</returns>
    /// <exception cref="CacheConfigurationException">A value does not convert or is out of range.</exception>
    public static ClusterOptions Bind(IConfiguration configuration, string sectionPath)
    {
        string path = sectionPath + ":Cluster";
        IConfigurationSection section = configuration.GetSection("Cluster");
        var options = new ClusterOptions();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new CacheConfigurationException(path, $"Invalid cache configuration in {path}: {ex.Message}", ex);
        }

        // A single value ("silo-0:11111,silo-1:11111", an environment variable) lists the gateways too.
        if (section["Gateways"] is { } list && !string.IsNullOrWhiteSpace(list))
        {
            options.Gateways = [.. list.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        Validate(options, path);
        return options;
    }

    /// <summary>Checks the options a client needs.</summary>
    /// <param name="options">The options.</param>
    /// <param name="path">The section path, such as <c>Caching:Cluster</c>.</param>
    /// <exception cref="CacheConfigurationException">A value is missing or out of range.</exception>
    public static void Validate(ClusterOptions options, string path)
    {
        string gateways = path + ":" + nameof(ClusterOptions.Gateways);
        if (options.Gateways.Count == 0)
        {
            throw new CacheConfigurationException(gateways,
                $"Invalid cache configuration: {gateways} is empty; a Cluster cache needs at least one silo to contact, as host:port (such as silo-0.cache:11111).", null);
        }

        for (int i = 0; i < options.Gateways.Count; i++)
        {
            if (!ClusterGateways.TryParse(options.Gateways[i], out _, out _))
            {
                throw new CacheConfigurationException($"{gateways}:{i}",
                    $"Invalid cache configuration: {gateways}:{i} is '{options.Gateways[i]}'; expected host:port with a port from 1 to 65535 (such as silo-0.cache:11111 or [::1]:11111).", null);
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            throw Invalid(path, nameof(ClusterOptions.ClusterId), "(empty)", "it must name the cluster the silos were started with");
        }

        CheckPositive(path, nameof(ClusterOptions.ResponseTimeout), options.ResponseTimeout);
        CheckPositive(path, nameof(ClusterOptions.RetryDeadline), options.RetryDeadline);
        CheckPositive(path, nameof(ClusterOptions.ConnectTimeout), options.ConnectTimeout);
        if (options.MaxFrameBodyLength < WireProtocol.MaxHandshakeBodyLength)
        {
            throw Invalid(path, nameof(ClusterOptions.MaxFrameBodyLength), options.MaxFrameBodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"it must be at least {WireProtocol.MaxHandshakeBodyLength}");
        }

        if (options.MaxPendingSendBytes < options.MaxFrameBodyLength)
        {
            throw Invalid(path, nameof(ClusterOptions.MaxPendingSendBytes), options.MaxPendingSendBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"it must be at least {path}:{nameof(ClusterOptions.MaxFrameBodyLength)} ({options.MaxFrameBodyLength})");
        }
    }

    private static void CheckPositive(string path, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw Invalid(path, name, value.ToString(), "it must be a positive duration (such as 00:00:05)");
        }
    }

    private static CacheConfigurationException Invalid(string path, string name, string value, string reason)
        => new($"{path}:{name}", $"Invalid cache configuration: {path}:{name} is '{value}'; {reason}.", null);
}
