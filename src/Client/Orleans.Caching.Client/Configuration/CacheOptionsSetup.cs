using Microsoft.Extensions.Options;

namespace Orleans.Caching;

/// <summary>Binds <see cref="CacheOptions"/> of the default cache and of each named instance from the normalized <c>Caching</c> section.</summary>
internal sealed class CacheOptionsSetup : IConfigureNamedOptions<CacheOptions>
{
    private readonly CachingRegistration _registration;

    public CacheOptionsSetup(CachingRegistration registration) => _registration = registration;

    public void Configure(CacheOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, CacheOptions options)
    {
        name ??= Options.DefaultName;
        if (_registration.Knows(name))
        {
            Bind(_registration.Reader(name), options);
        }
    }

    public static void Bind(CacheConfigurationReader reader, CacheOptions options)
    {
        options.HashMethod = reader.GetNonEmptyString("HashMethod") ?? options.HashMethod;
        options.SourceCheck = reader.GetBoolean("SourceCheck", options.SourceCheck);
        options.EnableSignals = reader.GetBoolean("EnableSignals", options.EnableSignals);
        options.Debug = reader.GetBoolean("Debug", options.Debug);
    }
}
