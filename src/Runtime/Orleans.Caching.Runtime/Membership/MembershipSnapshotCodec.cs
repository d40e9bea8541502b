using System.Buffers;

namespace Orleans.Caching.Runtime;

/// <summary>
/// The body of a <see cref="FrameKind.MembershipUpdate"/> frame: a whole <see cref="MembershipTableSnapshot"/>. Layout (primitives of
/// <see cref="WireWriter"/>): table version (int64, ≥ 0), row count (varint), then per row: silo address text (string), status (byte,
/// 1–4), start time and IAmAlive time (int64 UTC ticks each), silo name and host name (nullable strings), vote count (varint), then
/// per vote: suspecter address text (string) and vote time (int64 UTC ticks).
/// </summary>
public static class MembershipSnapshotCodec
{
    // Smallest encodings, used to bound counts before allocating: a row is at least an address length byte, a status byte, two
    // ticks, two null-string bytes and a vote count byte; a vote is at least an address length byte and its ticks.
    private const int MinRowLength = 1 + 1 + 8 + 8 + 1 + 1 + 1;
    private const int MinVoteLength = 1 + 8;

    /// <summary>Writes a snapshot.</summary>
    /// <param name="output">The output.</param>
    /// <param name="snapshot">The snapshot.</param>
    public static void Write(IBufferWriter<byte> output, MembershipTableSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(snapshot);
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

    /// <summary>Reads a snapshot.</summary>
    /// <param name="body">The whole body.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="WireProtocolException">The body is truncated, has leftover bytes, or holds an invalid value (negative version,
    /// unknown status, malformed address or time, a count larger than the bytes left could hold, a silo listed twice).</exception>
    public static MembershipTableSnapshot Read(in ReadOnlySequence<byte> body)
    {
        var reader = new WireReader(body);
        MembershipTableSnapshot snapshot = Read(ref reader);
        reader.EnsureEnd();
        return snapshot;
    }

    /// <summary>Reads a snapshot from a reader, leaving the bytes after it (a snapshot embedded in a larger body).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="WireProtocolException">The snapshot is truncated or holds an invalid value.</exception>
    public static MembershipTableSnapshot Read(ref WireReader reader)
    {
        long version = reader.ReadInt64();
        if (version < 0)
        {
            throw new WireProtocolException($"Malformed membership snapshot: negative version {version}.");
        }

        int count = CheckCount(reader.ReadVarUInt32(), MinRowLength, reader.Remaining, "rows");
        var entries = new MembershipEntry[count];
        var seen = new HashSet<SiloAddress>(count);
        for (int i = 0; i < count; i++)
        {
            MembershipEntry entry = ReadEntry(ref reader);
            if (!seen.Add(entry.Silo))
            {
                throw new WireProtocolException($"Malformed membership snapshot: silo {entry.Silo} is listed twice.");
            }

            entries[i] = entry;
        }

        return new MembershipTableSnapshot(version, entries);
    }

    private static MembershipEntry ReadEntry(ref WireReader reader)
    {
        SiloAddress silo = ReadSilo(ref reader);
        byte status = reader.ReadByte();
        if (status is < (byte)SiloStatus.Joining or > (byte)SiloStatus.Dead)
        {
            throw new WireProtocolException($"Malformed membership snapshot: {status} is not a silo status.");
        }

        DateTimeOffset startTime = ReadTime(ref reader);
        DateTimeOffset iAmAliveTime = ReadTime(ref reader);
        string? siloName = reader.ReadNullableString();
        string? hostName = reader.ReadNullableString();
        int voteCount = CheckCount(reader.ReadVarUInt32(), MinVoteLength, reader.Remaining, "votes");
        var votes = new SuspicionVote[voteCount];
        for (int i = 0; i < voteCount; i++)
        {
            SiloAddress suspecter = ReadSilo(ref reader);
            votes[i] = new SuspicionVote(suspecter, ReadTime(ref reader));
        }

        return new MembershipEntry
        {
            Silo = silo,
            Status = (SiloStatus)status,
            StartTime = startTime,
            IAmAliveTime = iAmAliveTime,
            SiloName = siloName,
            HostName = hostName,
            Suspicions = votes,
        };
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
            throw new WireProtocolException($"Malformed membership snapshot: {exception.Message}", exception);
        }
    }

    private static DateTimeOffset ReadTime(ref WireReader reader)
    {
        long ticks = reader.ReadInt64();
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new WireProtocolException($"Malformed membership snapshot: {ticks} ticks is not an instant.");
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private static int CheckCount(uint count, int minLength, long remaining, string what)
    {
        if (count > remaining / minLength)
        {
            throw new WireProtocolException($"Malformed membership snapshot: {count} {what} cannot fit in the {remaining} bytes left.");
        }

        return (int)count;
    }
}
