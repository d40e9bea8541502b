using System.Security.Cryptography;

namespace Orleans.Caching.Memcached.Client;

/// <summary>
/// Consistent hashing over servers as libketama does it: each server gets 160 points on a 32-bit ring, four from each MD5 digest of
/// <c>"&lt;name&gt;-&lt;i&gt;"</c> (i = 0..39, name = <c>host:port</c> or the socket path); a key goes to the first point at or after the
/// first four bytes (little-endian) of the MD5 of its bytes, wrapping around. Adding or removing a server moves about 1/N of the keys.
/// </summary>
/// <remarks>MD5 is used for its distribution and compatibility with libketama clients, not for security.</remarks>
internal sealed class KetamaLocator
{
    /// <summary>Points per server, as libketama.</summary>
    public const int PointsPerServer = 160;

    private readonly uint[] _points;
    private readonly int[] _owners;

    public KetamaLocator(IReadOnlyList<string> serverNames)
    {
        ArgumentNullException.ThrowIfNull(serverNames);
        ServerCount = serverNames.Count;
        var ring = new List<(uint Point, int Owner)>(serverNames.Count * PointsPerServer);
        Span<byte> digest = stackalloc byte[16];
        for (int server = 0; server < serverNames.Count; server++)
        {
            for (int i = 0; i < PointsPerServer / 4; i++)
            {
                byte[] label = System.Text.Encoding.UTF8.GetBytes($"{serverNames[server]}-{i}");
#pragma warning disable CA5351 // MD5 gives libketama's ring; not a security use.
                MD5.HashData(label, digest);
#pragma warning restore CA5351
                for (int h = 0; h < 4; h++)
                {
                    ring.Add((Point(digest, h), server));
                }
            }
        }

        ring.Sort((a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Owner.CompareTo(b.Owner));
        _points = new uint[ring.Count];
        _owners = new int[ring.Count];
        for (int i = 0; i < ring.Count; i++)
        {
            _points[i] = ring[i].Point;
            _owners[i] = ring[i].Owner;
        }
    }

    /// <summary>Gets the number of servers.</summary>
    public int ServerCount { get; }

    /// <summary>Finds the index of the server that owns a key.</summary>
    public int Locate(ReadOnlySpan<byte> key)
    {
        if (ServerCount == 1)
        {
            return 0;
        }

        Span<byte> digest = stackalloc byte[16];
#pragma warning disable CA5351 // MD5 gives libketama's ring; not a security use.
        MD5.HashData(key, digest);
#pragma warning restore CA5351
        uint hash = Point(digest, 0);
        int index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }
        else
        {
            while (index > 0 && _points[index - 1] == hash)
            {
                index--;
            }
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    private static uint Point(ReadOnlySpan<byte> digest, int h)
        => ((uint)digest[3 + (h * 4)] << 24) | ((uint)digest[2 + (h * 4)] << 16) | ((uint)digest[1 + (h * 4)] << 8) | digest[h * 4];
}
