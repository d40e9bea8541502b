using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Caching.Memcached.Client;

/// <summary>A configured server: <c>host:port</c>, <c>host</c> (port 11211), <c>[ipv6]:port</c>, or a unix socket path (<c>/path</c> or <c>unix:/path</c>).</summary>
/// <param name="Name">The normalized name (<c>host:port</c> or the socket path), used for hashing and in messages.</param>
/// <param name="EndPoint">Where to connect.</param>
internal sealed record MemcachedServerAddress(string Name, EndPoint EndPoint)
{
    /// <summary>memcached's default port.</summary>
    public const int DefaultPort = 11211;

    /// <summary>Gets a value indicating whether the server is a unix socket.</summary>
    public bool IsUnixSocket => EndPoint is UnixDomainSocketEndPoint;

    /// <summary>Parses a configured server.</summary>
    /// <exception cref="FormatException">The text is not a server.</exception>
    public static MemcachedServerAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string server = text.Trim();
        if (server.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            server = server[5..];
            while (server.StartsWith("//", StringComparison.Ordinal))
            {
                server = server[1..];
            }
        }

        if (server.StartsWith('/'))
        {
            return new MemcachedServerAddress(server, new UnixDomainSocketEndPoint(server));
        }

        string host = server;
        int port = DefaultPort;
        if (server.StartsWith('['))
        {
            int close = server.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(text, "an IPv6 address needs a closing ']'");
            }

            host = server[1..close];
            string rest = server[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? ParsePort(text, rest[1..]) : throw Invalid(text, "expected ':port' after ']'");
            }
        }
        else if (server.IndexOf(':', StringComparison.Ordinal) is int colon and >= 0)
        {
            if (server.IndexOf(':', colon + 1) >= 0)
            {
                throw Invalid(text, "write an IPv6 address in brackets, such as [::1]:11211");
            }

            host = server[..colon];
            port = ParsePort(text, server[(colon + 1)..]);
        }

        if (host.Length == 0)
        {
            throw Invalid(text, "the host is empty");
        }

        EndPoint endPoint = IPAddress.TryParse(host, out IPAddress? address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
        string name = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        return new MemcachedServerAddress(name, endPoint);
    }

    private static int ParsePort(string text, string port)
        => int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value is > 0 and <= 65535
            ? value
            : throw Invalid(text, $"'{port}' is not a port (1-65535)");

    private static FormatException Invalid(string text, string reason)
        => new($"'{text}' is not a memcached server ({reason}); use host:port, [ipv6]:port or a unix socket path.");
}
