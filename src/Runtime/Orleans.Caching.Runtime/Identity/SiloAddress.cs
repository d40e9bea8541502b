using System.Globalization;
using System.Net;

namespace Orleans.Caching.Runtime;

/// <summary>
/// A silo: its endpoint plus a generation (a restarted process on the same endpoint is a new silo, so a stale view can
/// never confuse the two). Text form <c>127.0.0.1:11111@12345</c> (IPv6: <c>[::1]:11111@12345</c>).
/// </summary>
public sealed class SiloAddress : IEquatable<SiloAddress>, IComparable<SiloAddress>
{
    /// <summary>Initializes a new instance of the <see cref="SiloAddress"/> class.</summary>
    /// <param name="endpoint">The silo's endpoint.</param>
    /// <param name="generation">The generation; positive, larger for later starts.</param>
    public SiloAddress(IPEndPoint endpoint, int generation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generation);
        Endpoint = endpoint;
        Generation = generation;
        UniformHash = StableHash.Combine(StableHash.Hash(endpoint.ToString()), (ulong)generation);
    }

    /// <summary>Gets the endpoint the silo listens on.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Gets the generation.</summary>
    public int Generation { get; }

    /// <summary>Gets the stable 64-bit hash of endpoint and generation.</summary>
    public ulong UniformHash { get; }

    /// <summary>Parses the text form.</summary>
    /// <param name="text">Such as <c>127.0.0.1:11111@12345</c>.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException">The text is not a silo address.</exception>
    public static SiloAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = text.LastIndexOf('@');
        if (at <= 0
            || !IPEndPoint.TryParse(text[..at], out IPEndPoint? endpoint)
            || !int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int generation)
            || generation <= 0
            || endpoint.Port == 0)
        {
            throw new FormatException($"'{text}' is not a silo address (expected host:port@generation, such as 127.0.0.1:11111@12345).");
        }

        return new SiloAddress(endpoint, generation);
    }

    /// <inheritdoc/>
    public bool Equals(SiloAddress? other)
        => other is not null && Generation == other.Generation && Endpoint.Equals(other.Endpoint);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SiloAddress);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)UniformHash ^ (int)(UniformHash >> 32);

    /// <summary>Orders by endpoint text, then generation: a total order for tie-breaking.</summary>
    /// <param name="other">The other address.</param>
    /// <returns>The comparison result.</returns>
    public int CompareTo(SiloAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byEndpoint = string.CompareOrdinal(Endpoint.ToString(), other.Endpoint.ToString());
        return byEndpoint != 0 ? byEndpoint : Generation.CompareTo(other.Generation);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Endpoint}@{Generation}");
}
