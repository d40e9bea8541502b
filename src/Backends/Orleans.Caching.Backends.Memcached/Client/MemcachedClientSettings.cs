namespace Orleans.Caching.Memcached.Client;

/// <summary>What a <see cref="MemcachedClient"/> needs from the options.</summary>
internal sealed record MemcachedClientSettings(
    IReadOnlyList<MemcachedServerAddress> Servers,
    bool UseBinaryProtocol,
    string? Username,
    string? Password,
    TimeSpan ConnectTimeout,
    TimeSpan OperationTimeout,
    int MaxPoolSize,
    TimeSpan DeadServerRetryInterval)
{
    /// <summary>Builds the settings from backend options.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static MemcachedClientSettings From(MemcachedCacheOptions options, bool useBinaryProtocol, string? username, string? password)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Servers is null || options.Servers.Count == 0)
        {
            throw new ArgumentException("At least one memcached server is needed (Caching:Memcached:Servers, CACHE_MEMCACHED_SERVERS).", nameof(options));
        }

        var servers = new List<MemcachedServerAddress>(options.Servers.Count);
        foreach (string server in options.Servers)
        {
            try
            {
                servers.Add(MemcachedServerAddress.Parse(server));
            }
            catch (FormatException ex)
            {
                throw new ArgumentException(ex.Message + " (Caching:Memcached:Servers)", nameof(options), ex);
            }
        }

        Positive(options.ConnectTimeout, nameof(options.ConnectTimeout));
        Positive(options.OperationTimeout, nameof(options.OperationTimeout));
        if (options.MaxPoolSize < 1)
        {
            throw new ArgumentException($"MaxPoolSize is {options.MaxPoolSize}; it must be at least 1.", nameof(options));
        }

        if (options.DeadServerRetryInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"DeadServerRetryInterval is {options.DeadServerRetryInterval}; it must not be negative.", nameof(options));
        }

        if (username is not null && password is null)
        {
            throw new ArgumentException("A SASL user name needs a password (Caching:Memcached:Password, CACHE_MEMCACHED_PASSWORD).", nameof(options));
        }

        return new MemcachedClientSettings(servers, useBinaryProtocol, username, password, options.ConnectTimeout, options.OperationTimeout,
            options.MaxPoolSize, options.DeadServerRetryInterval);
    }

    /// <summary>Hides the password from records printed in logs or the debugger.</summary>
    public override string ToString()
        => $"{nameof(MemcachedClientSettings)} {{ Servers = {string.Join(", ", Servers.Select(s => s.Name))}, Binary = {UseBinaryProtocol}, Username = {Username} }}";

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{name} is {value}; it must be positive.", nameof(value));
        }
    }
}
