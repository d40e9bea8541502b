using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The membership snapshot bodies the cluster client reads (replies to its snapshot requests, gossip) and its test silos write, in the
/// layout of the membership engineer's <c>MembershipSnapshotCodec</c> (version, rows: address, status, start and IAmAlive ticks, names,
/// votes); it delegates to that codec once the branches meet.
/// </summary>
internal static class ClusterSnapshotWire
{
    /// <summary>Reads a snapshot body.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="WireProtocolException">The body is malformed.</exception>
    public static MembershipTableSnapshot Read(in ReadOnlySequence<byte> body)
    {
        var reader = new WireReader(body);
        long version = reader.ReadInt64();
        uint count = reader.ReadVarUInt32();
        if (count > reader.Remaining)
        {
            throw new WireProtocolException($"Malformed membership snapshot: {count} rows in {reader.Remaining} bytes.");
        }

        var entries = new MembershipEntry[count];
        for (int i = 0; i < entries.Length; i++)
        {
            SiloAddress silo = ParseSilo(reader.ReadString());

            byte status = reader.ReadByte();
            if (status > (byte)SiloStatus.Dead)
            {
                throw new WireProtocolException($"Malformed membership snapshot: unknown silo status {status}.");
            }

            entries[i] = new MembershipEntry
            {
                Silo = silo,
                Status = (SiloStatus)status,
                StartTime = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
                IAmAliveTime = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
                SiloName = reader.ReadNullableString(),
                HostName = reader.ReadNullableString(),
            };
            uint votes = reader.ReadVarUInt32();
            if (votes > reader.Remaining)
            {
                throw new WireProtocolException($"Malformed membership snapshot: {votes} votes in {reader.Remaining} bytes.");
            }

            var suspicions = new SuspicionVote[votes];
            for (int v = 0; v < suspicions.Length; v++)
            {
                SiloAddress suspecter = ParseSilo(reader.ReadString());
                suspicions[v] = new SuspicionVote(suspecter, new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
            }

            entries[i] = entries[i] with { Suspicions = suspicions };
        }

        reader.EnsureEnd();
        return new MembershipTableSnapshot(version, entries);
    }

    /// <summary>Writes a snapshot body.</summary>
    /// <param name="output">The output.</param>
    /// <param name="snapshot">The snapshot.</param>
    public static void Write(IBufferWriter<byte> output, MembershipTableSnapshot snapshot)
    {
        WireWriter.WriteInt64(output, snapshot.Version);
        WireWriter.WriteVarUInt32(output, (uint)snapshot.Entries.Count);
        foreach (MembershipEntry entry in snapshot.Entries)
        {
            WireWriter.WriteString(output, entry.Silo.ToString());
            WireWriter.WriteByte(output, (byte)entry.Status);
            WireWriter.WriteInt64(output, entry.StartTime.UtcTicks);
            WireWriter.WriteInt64(output, entry.IAmAliveTime.UtcTicks);
            WireWriter.WriteNullableString(output, entry.SiloName);
            WireWriter.WriteNullableString(output, entry.HostName);
            WireWriter.WriteVarUInt32(output, (uint)entry.Suspicions.Count);
            foreach (SuspicionVote vote in entry.Suspicions)
            {
                WireWriter.WriteString(output, vote.Suspecter.ToString());
                WireWriter.WriteInt64(output, vote.Time.UtcTicks);
            }
        }
    }

    private static SiloAddress ParseSilo(string text)
    {
        try
        {
            return SiloAddress.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new WireProtocolException("Malformed membership snapshot: " + ex.Message, ex);
        }
    }
}
