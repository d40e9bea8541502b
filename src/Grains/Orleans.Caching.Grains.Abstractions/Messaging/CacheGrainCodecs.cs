using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The wire codecs of the cache grains' methods (ids in <see cref="CacheGrainMethodIds"/>), for clients and silos.</summary>
public static class CacheGrainCodecs
{
    /// <summary>Gets the codec of every cache-grain method.</summary>
    public static IReadOnlyList<GrainMethodCodec> Methods { get; } =
    [
        .. CacheEntryCodecs.Create(),
        .. MemoizeVersionCodecs.Create(),
        .. CacheClusterControlCodecs.Create(),
    ];

    /// <summary>Gets a message codec over <see cref="Methods"/>.</summary>
    public static GrainMessageCodec MessageCodec { get; } = new(Methods);

    /// <summary>Writes an optional entry snapshot: presence, value, expiry.</summary>
    /// <param name="output">The output.</param>
    /// <param name="snapshot">The snapshot.</param>
    internal static void WriteSnapshot(IBufferWriter<byte> output, CacheEntrySnapshot? snapshot)
    {
        WireWriter.WriteBoolean(output, snapshot is not null);
        if (snapshot is not null)
        {
            WireWriter.WriteBytes(output, snapshot.Value);
            WireWriter.WriteNullableDateTimeOffset(output, snapshot.ExpiresAt);
        }
    }

    /// <summary>Reads an optional entry snapshot.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The snapshot.</returns>
    internal static CacheEntrySnapshot? ReadSnapshot(ref WireReader reader)
        => reader.ReadBoolean() ? new CacheEntrySnapshot(reader.ReadBytes(), reader.ReadNullableDateTimeOffset()) : null;

    /// <summary>Writes a lease result: found, value, lease id. The in-silo wait signal never crosses the wire.</summary>
    /// <param name="output">The output.</param>
    /// <param name="result">The result.</param>
    /// <exception cref="InvalidOperationException">The result is a wait (the silo re-runs such requests before answering).</exception>
    internal static void WriteLease(IBufferWriter<byte> output, CacheLeaseResult result)
    {
        if (result.WaitSignal is not null)
        {
            throw new InvalidOperationException("A lease result that says 'wait' stays inside the silo; the request runs again before it is answered.");
        }

        WireWriter.WriteBoolean(output, result.Found);
        WireWriter.WriteNullableBytes(output, result.Value);
        WireWriter.WriteInt64(output, result.LeaseId);
    }

    /// <summary>Reads a lease result.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The result.</returns>
    internal static CacheLeaseResult ReadLease(ref WireReader reader)
        => new() { Found = reader.ReadBoolean(), Value = reader.ReadNullableBytes(), LeaseId = reader.ReadInt64() };

    /// <summary>Writes a boolean result.</summary>
    /// <param name="output">The output.</param>
    /// <param name="value">The value.</param>
    internal static void WriteBoolean(IBufferWriter<byte> output, bool value) => WireWriter.WriteBoolean(output, value);

    /// <summary>Reads a boolean result.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    internal static bool ReadBoolean(ref WireReader reader) => reader.ReadBoolean();

    /// <summary>Writes nothing: the method has no arguments.</summary>
    /// <typeparam name="T">The request type.</typeparam>
    /// <param name="output">The output.</param>
    /// <param name="request">The request.</param>
    internal static void NoArguments<T>(IBufferWriter<byte> output, T request)
    {
    }
}
