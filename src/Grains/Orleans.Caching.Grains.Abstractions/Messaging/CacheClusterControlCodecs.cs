using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The codecs of <see cref="ICacheClusterControl"/>'s methods: lists are a count (varint) then the items; a count larger than
/// the bytes left is malformed before anything is allocated.</summary>
internal static class CacheClusterControlCodecs
{
    public static GrainMethodCodec[] Create()
    {
        GrainType type = CacheGrainTypes.ClusterControl;
        return
        [
            new GrainMethodCodec<CacheControlGetManyRequest, byte[]?[]>(
                CacheGrainMethodIds.ControlGetMany, type,
                static (o, r) => WriteKeys(o, r.Keys),
                static (ref WireReader r) => new CacheControlGetManyRequest(ReadKeys(ref r)),
                WriteValues,
                ReadValues),
            new GrainMethodCodec<CacheControlSetManyRequest, bool[]>(
                CacheGrainMethodIds.ControlSetMany, type,
                WriteSetMany,
                ReadSetMany,
                WriteFlags,
                ReadFlags),
            new GrainMethodCodec<CacheControlDeleteManyRequest, bool[]>(
                CacheGrainMethodIds.ControlDeleteMany, type,
                static (o, r) => WriteKeys(o, r.Keys),
                static (ref WireReader r) => new CacheControlDeleteManyRequest(ReadKeys(ref r)),
                WriteFlags,
                ReadFlags),
            new GrainMethodCodec<CacheControlClearRequest, bool>(
                CacheGrainMethodIds.ControlClear, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => CacheControlClearRequest.Instance,
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
        ];
    }

    private static void WriteKeys(IBufferWriter<byte> output, IReadOnlyList<string> keys)
    {
        WireWriter.WriteVarUInt32(output, (uint)keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            WireWriter.WriteString(output, keys[i]);
        }
    }

    private static string[] ReadKeys(ref WireReader reader)
    {
        var keys = new string[ReadCount(ref reader, minItemBytes: 1)];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = reader.ReadString();
        }

        return keys;
    }

    private static void WriteSetMany(IBufferWriter<byte> output, CacheControlSetManyRequest request)
    {
        WireWriter.WriteVarUInt32(output, (uint)request.Items.Count);
        for (int i = 0; i < request.Items.Count; i++)
        {
            WireWriter.WriteString(output, request.Items[i].Key);
            WireWriter.WriteBytes(output, request.Items[i].Value);
        }

        WireWriter.WriteNullableTimeSpan(output, request.TimeToLive);
    }

    private static CacheControlSetManyRequest ReadSetMany(ref WireReader reader)
    {
        var items = new KeyValuePair<string, byte[]>[ReadCount(ref reader, minItemBytes: 2)];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new KeyValuePair<string, byte[]>(reader.ReadString(), reader.ReadBytes());
        }

        return new CacheControlSetManyRequest(items, reader.ReadNullableTimeSpan());
    }

    private static void WriteValues(IBufferWriter<byte> output, byte[]?[] values)
    {
        WireWriter.WriteVarUInt32(output, (uint)values.Length);
        foreach (byte[]? value in values)
        {
            WireWriter.WriteNullableBytes(output, value);
        }
    }

    private static byte[]?[] ReadValues(ref WireReader reader)
    {
        var values = new byte[]?[ReadCount(ref reader, minItemBytes: 1)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadNullableBytes();
        }

        return values;
    }

    private static void WriteFlags(IBufferWriter<byte> output, bool[] flags)
    {
        WireWriter.WriteVarUInt32(output, (uint)flags.Length);
        foreach (bool flag in flags)
        {
            WireWriter.WriteBoolean(output, flag);
        }
    }

    private static bool[] ReadFlags(ref WireReader reader)
    {
        var flags = new bool[ReadCount(ref reader, minItemBytes: 1)];
        for (int i = 0; i < flags.Length; i++)
        {
            flags[i] = reader.ReadBoolean();
        }

        return flags;
    }

    private static int ReadCount(ref WireReader reader, int minItemBytes)
    {
        uint count = reader.ReadVarUInt32();
        return count <= reader.Remaining / minItemBytes
            ? (int)count
            : throw new WireProtocolException($"Malformed batch: {count} items cannot fit in the {reader.Remaining} bytes left.");
    }
}
