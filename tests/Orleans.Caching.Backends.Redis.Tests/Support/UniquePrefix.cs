namespace Orleans.Caching.Tests.Support;

/// <summary>Keeps each test's keys apart on a shared server: a unique prefix put in front of whatever prefix the test configures.</summary>
public static class UniquePrefix
{
    public static string New() => "t" + Guid.NewGuid().ToString("N")[..12] + ":";

    public static void Apply(CacheBackendOptions options, string unique, Action<CacheBackendOptions>? configure)
    {
        options.KeyPrefix = string.Empty;
        configure?.Invoke(options);
        options.KeyPrefix = unique + options.KeyPrefix;
        if (options.KeyPrefixFactory is { } factory)
        {
            options.KeyPrefixFactory = () => unique + factory();
        }
    }
}
