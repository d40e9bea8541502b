using System.Globalization;

namespace Orleans.Caching.Backends.Redis;

/// <summary>Turns <see cref="RedisCacheOptions"/> (host, port, password, db, URL) into connection settings, with Flask-Caching's precedence.</summary>
internal static class RedisSettings
{
    /// <summary>The message Flask-Caching (cachelib) raises for a missing host.</summary>
    public const string HostMissing = "RedisCache host parameter may not be None";

    /// <summary>Builds the settings of a single server (or of a cluster's startup nodes when <paramref name="nodes"/> is given).</summary>
    /// <param name="options">The options.</param>
    /// <param name="nodes">A cluster's <c>host1:port1,host2:port2</c>, or <see langword="null"/>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentException">No host, a malformed URL or node list.</exception>
    public static RedisConnectionSettings FromOptions(RedisCacheOptions options, string? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new RedisConnectionSettings
        {
            Endpoints = [],
            Password = string.IsNullOrEmpty(options.Password) ? null : options.Password,
            Db = options.Db,
            Ssl = options.Ssl,
            SslCaCertificates = options.SslCaCertificates,
            SslAllowUntrusted = options.SslAllowUntrustedCertificate,
            IsCluster = nodes is not null,
            ClientOptions = new Dictionary<string, string>(options.ClientOptions, StringComparer.OrdinalIgnoreCase),
        };

        if (!string.IsNullOrWhiteSpace(nodes))
        {
            return settings with { Endpoints = ParseEndpoints(nodes, "cluster node list") };
        }

        if (!string.IsNullOrWhiteSpace(options.Url))
        {
            settings = FromUrl(options.Url, settings);
            return nodes is null ? settings : settings with { IsCluster = true };
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new ArgumentException(HostMissing + " (set Caching:Redis:Host (CACHE_REDIS_HOST) or Caching:Redis:Url (CACHE_REDIS_URL)).", nameof(options));
        }

        return settings with { Endpoints = [new RedisEndpoint(options.Host.Trim(), options.Port)] };
    }

    /// <summary>Parses <c>host1:port1,host2:port2</c>.</summary>
    /// <param name="text">The list.</param>
    /// <param name="what">What the list is, for the message.</param>
    /// <returns>The endpoints.</returns>
    public static IReadOnlyList<RedisEndpoint> ParseEndpoints(string text, string what)
    {
        var endpoints = new List<RedisEndpoint>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                endpoints.Add(RedisEndpoint.Parse(part));
            }
            catch (FormatException exception)
            {
                throw new ArgumentException($"The Redis {what} '{text}' is not a list of host:port: {exception.Message}", nameof(text), exception);
            }
        }

        return endpoints.Count > 0 ? endpoints : throw new ArgumentException($"The Redis {what} is empty.", nameof(text));
    }

    private static RedisConnectionSettings FromUrl(string url, RedisConnectionSettings settings)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentException($"The Redis URL is malformed; expected redis://[:password@]host:port[/db], rediss://... or unix:///path?db=N (scheme: '{SchemeOf(url)}').", nameof(url));
        }

        Dictionary<string, string> query = ParseQuery(uri.Query);
        string? password = PasswordOf(uri) ?? query.GetValueOrDefault("password") ?? settings.Password;
        int db = DbOf(uri, query) ?? settings.Db;
        switch (uri.Scheme.ToUpperInvariant())
        {
            case "REDIS":
            case "REDISS":
                if (string.IsNullOrEmpty(uri.Host))
                {
                    throw new ArgumentException(HostMissing + " (the Redis URL has no host).", nameof(url));
                }

                return settings with
                {
                    Endpoints = [new RedisEndpoint(uri.Host.Trim('[', ']'), uri.Port > 0 ? uri.Port : 6379)],
                    Password = password,
                    Db = db,
                    Ssl = settings.Ssl || uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
                    SslCaCertificates = query.GetValueOrDefault("ssl_ca_certs") ?? settings.SslCaCertificates,
                    SslAllowUntrusted = settings.SslAllowUntrusted || AllowsUntrusted(query.GetValueOrDefault("ssl_cert_reqs")),
                };
            case "UNIX":
                return settings with { UnixSocketPath = Uri.UnescapeDataString(uri.AbsolutePath), Password = password, Db = db };
            default:
                throw new ArgumentException($"The Redis URL scheme '{uri.Scheme}' is not supported; use redis://, rediss:// or unix://.", nameof(url));
        }
    }

    /// <summary>Reads redis-py's <c>ssl_cert_reqs</c>: <c>none</c> accepts any certificate; <c>required</c> (its default) and
    /// <c>optional</c> check it (a server always presents one).</summary>
    private static bool AllowsUntrusted(string? certReqs) => certReqs?.ToUpperInvariant() switch
    {
        null or "REQUIRED" or "CERT_REQUIRED" or "OPTIONAL" or "CERT_OPTIONAL" => false,
        "NONE" or "CERT_NONE" => true,
        _ => throw new ArgumentException($"The Redis URL's ssl_cert_reqs is '{certReqs}'; use none, optional or required.", nameof(certReqs)),
    };

    private static string SchemeOf(string url)
    {
        int colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? url[..colon] : "none";
    }

    private static string? PasswordOf(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        int colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        string password = colon >= 0 ? uri.UserInfo[(colon + 1)..] : uri.UserInfo;
        return password.Length == 0 ? null : Uri.UnescapeDataString(password);
    }

    private static int? DbOf(Uri uri, Dictionary<string, string> query)
    {
        string? text = query.GetValueOrDefault("db");
        if (text is null && !uri.Scheme.Equals("unix", StringComparison.OrdinalIgnoreCase))
        {
            string path = uri.AbsolutePath.Trim('/');
            text = path.Length == 0 ? null : path;
        }

        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int db)
            ? db
            : throw new ArgumentException($"The database in the Redis URL ('{text}') is not a number.", nameof(uri));
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                result[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return result;
    }
}
