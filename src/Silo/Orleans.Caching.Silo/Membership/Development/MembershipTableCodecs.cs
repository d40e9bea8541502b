using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// The wire codecs of <see cref="IMembershipTableTarget"/> (grain type <c>sys.membership-table</c>, method ids 301–305; never renumber).
/// Snapshots and rows reuse <see cref="MembershipSnapshotCodec"/>: a row to write travels as a one-row snapshot whose version is the
/// expected version.
/// </summary>
internal static class MembershipTableCodecs
{
    /// <summary>The method id of <see cref="IMembershipTableTarget.ReadAllAsync"/>.</summary>
    public const ushort ReadAll = 301;

    /// <summary>The method id of <see cref="IMembershipTableTarget.TryWriteAsync"/>.</summary>
    public const ushort TryWrite = 302;

    /// <summary>The method id of <see cref="IMembershipTableTarget.UpdateIAmAliveAsync"/>.</summary>
    public const ushort IAmAlive = 303;

    /// <summary>The method id of <see cref="IMembershipTableTarget.CleanupDefunctAsync"/>.</summary>
    public const ushort Cleanup = 304;

    /// <summary>The method id of <see cref="IMembershipTableTarget.DeleteAsync"/>.</summary>
    public const ushort Delete = 305;

    /// <summary>Gets the system target's grain type: <c>sys.membership-table</c>.</summary>
    public static GrainType Type { get; } = new(SystemTargets.TypePrefix + "membership-table");

    /// <summary>Gets a message codec over the cache grains' methods and these (what a cluster silo reads).</summary>
    public static GrainMessageCodec SiloCodec { get; } = new([.. Orleans.Caching.Grains.CacheGrainCodecs.Methods, .. Create()]);

    public static GrainMethodCodec[] Create() =>
    [
        new GrainMethodCodec<MembershipReadAllRequest, MembershipTableSnapshot>(
            ReadAll, Type,
            static (_, _) => { },
            static (ref WireReader _) => MembershipReadAllRequest.Instance,
            MembershipSnapshotCodec.Write,
            static (ref WireReader r) => MembershipSnapshotCodec.Read(ref r)),
        new GrainMethodCodec<MembershipTryWriteRequest, bool>(
            TryWrite, Type,
            static (o, r) => MembershipSnapshotCodec.Write(o, new MembershipTableSnapshot(r.ExpectedVersion, [r.Entry])),
            ReadTryWrite,
            WriteBoolean,
            static (ref WireReader r) => r.ReadBoolean()),
        new GrainMethodCodec<MembershipIAmAliveRequest, bool>(
            IAmAlive, Type,
            static (o, r) =>
            {
                WireWriter.WriteString(o, r.Silo.ToString());
                WireWriter.WriteInt64(o, r.Time.UtcTicks);
            },
            static (ref WireReader r) => new MembershipIAmAliveRequest(ReadSilo(ref r), ReadTime(ref r)),
            WriteBoolean,
            static (ref WireReader r) => r.ReadBoolean()),
        new GrainMethodCodec<MembershipCleanupRequest, int>(
            Cleanup, Type,
            static (o, r) => WireWriter.WriteInt64(o, r.Before.UtcTicks),
            static (ref WireReader r) => new MembershipCleanupRequest(ReadTime(ref r)),
            static (o, count) => WireWriter.WriteVarUInt32(o, (uint)count),
            static (ref WireReader r) => (int)Math.Min(int.MaxValue, r.ReadVarUInt32())),
        new GrainMethodCodec<MembershipDeleteRequest, bool>(
            Delete, Type,
            static (_, _) => { },
            static (ref WireReader _) => MembershipDeleteRequest.Instance,
            WriteBoolean,
            static (ref WireReader r) => r.ReadBoolean()),
    ];

    private static void WriteBoolean(IBufferWriter<byte> output, bool value) => WireWriter.WriteBoolean(output, value);

    private static MembershipTryWriteRequest ReadTryWrite(ref WireReader reader)
    {
        MembershipTableSnapshot row = MembershipSnapshotCodec.Read(ref reader);
        return row.Entries.Count == 1
            ? new MembershipTryWriteRequest(row.Entries[0], row.Version)
            : throw new WireProtocolException($"Malformed membership write: {row.Entries.Count} rows instead of one.");
    }

    private static SiloAddress ReadSilo(ref WireReader reader)
    {
        string text = reader.ReadString();
        try
        {
            return SiloAddress.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new WireProtocolException($"Malformed membership call: {exception.Message}", exception);
        }
    }

    private static DateTimeOffset ReadTime(ref WireReader reader)
    {
        long ticks = reader.ReadInt64();
        return ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : throw new WireProtocolException($"Malformed membership call: {ticks} ticks is not an instant.");
    }
}
