using System.Globalization;

namespace Orleans.Caching.Backends.Redis;

/// <summary>A Redis server's host and port.</summary>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The port.</param>
internal readonly record struct RedisEndpoint(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c> (<c>[::1]:port</c> for IPv6); a missing port is <paramref name="defaultPort"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="defaultPort">The port used when the text has none.</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="FormatException">The text is not <c>host:port</c>.</exception>
    public static RedisEndpoint Parse(string text, int defaultPort = 6379)
    {
        string trimmed = text.Trim();
        int colon = trimmed.LastIndexOf(':');
        bool bracketed = trimmed.StartsWith('[');
        if (colon < 0 || (bracketed && colon < trimmed.IndexOf(']', StringComparison.Ordinal)))
        {
            return trimmed.Length == 0 ? throw new FormatException("An empty Redis endpoint.") : new(trimmed.Trim('[', ']'), defaultPort);
        }

        string host = trimmed[..colon].Trim('[', ']');
        if (host.Length == 0 || !int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{text}' is not a Redis endpoint (expected host:port).");
        }

        return new(host, port);
    }

    /// <inheritdoc/>
    public override string ToString()
        => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}" : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
