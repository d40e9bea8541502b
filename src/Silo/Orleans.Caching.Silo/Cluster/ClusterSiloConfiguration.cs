using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Binds and validates a cluster silo's sections, with messages naming the key and the bad value.</summary>
internal static class ClusterSiloConfiguration
{
    public static SiloEndpointOptions BindEndpoint(IConfiguration section)
    {
        var options = new SiloEndpointOptions();
        Bind(section, options, SiloEndpointOptions.SectionName);
        if (options.Port is < 0 or > 65535)
        {
            throw Invalid("Port", options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "a TCP port from 0 (any free port) to 65535");
        }

        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            throw Invalid("ListenAddress", options.ListenAddress, "an IP address such as 0.0.0.0 or 127.0.0.1");
        }

        return options;

        static CacheConfigurationException Invalid(string name, string value, string expected)
        {
            string key = SiloEndpointOptions.SectionName + ":" + name;
            return new CacheConfigurationException(key, $"Invalid cache configuration: {key} is '{value}'; expected {expected}.", null);
        }
    }

    public static ClusterOptions BindCluster(IConfiguration section)
    {
        var options = new ClusterOptions();
        Bind(section, options, ClusterOptions.SectionName);
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            string key = ClusterOptions.SectionName + ":ClusterId";
            throw new CacheConfigurationException(key, $"Invalid cache configuration: {key} is empty; every silo and client of a cluster names the same cluster id.", null);
        }

        return options;
    }

    public static ClusterMembershipOptions BindMembership(IConfiguration section)
    {
        var options = new ClusterMembershipOptions();
        Bind(section, options, ClusterMembershipOptions.SectionName);
        ValidateOptionsResult result = new ClusterMembershipOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new CacheConfigurationException(ClusterMembershipOptions.SectionName, "Invalid cache configuration: " + string.Join(" ", result.Failures), null);
        }

        return options;
    }

    public static LocalSiloStorage CreateStorage(IServiceProvider services, IConfigurationSection siloSection, SiloOptions options)
    {
        var context = new CacheBackendFactoryContext("Local", siloSection, services, string.Empty, SiloOptions.SectionName);
        LocalSiloStorage storage = LocalSiloStorage.Create(siloSection.GetSection("Storage"), SiloOptions.SectionName + ":Storage", options, services.GetRequiredService<CacheBackendRegistry>(), services, context);
        return storage;
    }

    private static void Bind(IConfiguration section, object options, string sectionPath)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new CacheConfigurationException(sectionPath, $"Invalid cache configuration in {sectionPath}: {exception.Message}", exception);
        }
    }
}
