using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Caching.Grains;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>Binds and validates the <c>Caching:Silo</c> section of an embedded silo; every failure names the key.</summary>
internal static class LocalSiloConfiguration
{
    /// <summary>Binds <see cref="SiloOptions"/> from the section and validates them with <see cref="SiloOptionsValidator"/>.</summary>
    /// <param name="section">The <c>Silo</c> section.</param>
    /// <param name="sectionPath">Its full path, for messages.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CacheConfigurationException">A value does not convert or is out of range.</exception>
    public static SiloOptions BindSiloOptions(IConfiguration section, string sectionPath)
    {
        string persistenceKey = sectionPath + ":" + nameof(SiloOptions.Persistence);
        if (section[nameof(SiloOptions.Persistence)] is { } persistence && !string.IsNullOrWhiteSpace(persistence)
            && !IsPersistenceMode(persistence))
        {
            throw new CacheConfigurationException(
                persistenceKey,
                $"Invalid cache configuration: {persistenceKey} is '{persistence}'; expected {string.Join(", ", Enum.GetNames<PersistenceMode>())}.",
                null);
        }

        var options = new SiloOptions();
        Bind(section, options, sectionPath);
        ValidateOptionsResult result = new SiloOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new CacheConfigurationException(sectionPath, "Invalid cache configuration: " + string.Join(" ", result.Failures), null);
        }

        return options;
    }

    /// <summary>Binds the cache grains' limits from the <c>Silo:Grains</c> section.</summary>
    /// <param name="section">The section.</param>
    /// <param name="sectionPath">Its full path, for messages.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CacheConfigurationException">A value does not convert or is out of range.</exception>
    public static CacheGrainOptions BindGrainOptions(IConfiguration section, string sectionPath)
    {
        var options = new CacheGrainOptions();
        Bind(section, options, sectionPath);
        if (options.MaxValueBytes < 1)
        {
            string key = sectionPath + ":" + nameof(CacheGrainOptions.MaxValueBytes);
            throw new CacheConfigurationException(key, $"Invalid cache configuration: {key} is '{options.MaxValueBytes}'; it must be at least 1.", null);
        }

        return options;
    }

    private static bool IsPersistenceMode(string text)
        => !char.IsAsciiDigit(text.Trim()[0]) && Enum.TryParse(text.Trim(), ignoreCase: true, out PersistenceMode mode) && Enum.IsDefined(mode);

    private static void Bind(IConfiguration section, object options, string sectionPath)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new CacheConfigurationException(sectionPath, $"Invalid cache configuration in {sectionPath}: {ex.Message}", ex);
        }
    }
}
