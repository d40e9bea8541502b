using System.Buffers;
using System.Buffers.Binary;
using Orleans.Caching.Runtime;
using Orleans.Caching.Tests.Buffers;
using static Orleans.Caching.Cluster.Tests.Membership.FakeSiloNetwork;

namespace Orleans.Caching.Cluster.Tests.Membership;

public sealed class MembershipSnapshotCodecTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 1, 2, 3, TimeSpan.FromHours(2));

    [Fact]
    public void A_snapshot_round_trips_with_names_votes_and_every_status()
    {
        MembershipTableSnapshot snapshot = Sample();

        MembershipTableSnapshot read = MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(Encode(snapshot)));

        Assert.Equal(snapshot.Version, read.Version);
        Assert.Equal(snapshot.Entries.Count, read.Entries.Count);
        for (int i = 0; i < snapshot.Entries.Count; i++)
        {
            MembershipEntry expected = snapshot.Entries[i], actual = read.Entries[i];
            Assert.Equal(expected.Silo, actual.Silo);
            Assert.Equal(expected.Status, actual.Status);
            Assert.Equal(expected.StartTime, actual.StartTime);
            Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
            Assert.Equal(TimeSpan.Zero, actual.StartTime.Offset);
            Assert.Equal(expected.SiloName, actual.SiloName);
            Assert.Equal(expected.HostName, actual.HostName);
            Assert.Equal(expected.Suspicions, actual.Suspicions);
        }
    }

    [Fact]
    public void An_empty_snapshot_and_a_body_split_across_segments_read_back()
    {
        Assert.Empty(MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(Encode(MembershipTableSnapshot.Empty))).Entries);

        byte[] body = Encode(Sample());
        MembershipTableSnapshot read = MembershipSnapshotCodec.Read(Segments.Split(body, 3));
        Assert.Equal(Sample().Entries.Select(e => e.Silo), read.Entries.Select(e => e.Silo));
    }

    [Fact]
    public void Every_truncation_of_a_body_is_malformed()
    {
        byte[] body = Encode(Sample());
        for (int length = 0; length < body.Length; length++)
        {
            Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(body, 0, length)));
        }
    }

    [Fact]
    public void Leftover_bytes_are_malformed()
    {
        byte[] body = [.. Encode(Sample()), 0];
        Assert.Contains("unexpected bytes", Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(body))).Message);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0x80, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 1, 3, (byte)'a', (byte)'b', (byte)'c', 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void Garbage_is_malformed(byte[] body)
    {
        Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(body)));
    }

    [Fact]
    public void A_huge_row_count_is_refused_before_anything_is_allocated()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WireWriter.WriteInt64(buffer, 3);
        WireWriter.WriteVarUInt32(buffer, int.MaxValue);

        var error = Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(buffer.WrittenMemory)));
        Assert.Contains("cannot fit", error.Message);
    }

    [Fact]
    public void An_unknown_status_a_bad_address_a_duplicate_silo_and_a_negative_version_are_malformed()
    {
        byte[] body = Encode(new MembershipTableSnapshot(1, [Row(Address(1001), SiloStatus.Active)]));
        int statusOffset = 8 + 1 + 1 + Address(1001).ToString().Length;

        byte[] badStatus = (byte[])body.Clone();
        badStatus[statusOffset] = 9;
        Assert.Contains("not a silo status", Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(badStatus))).Message);

        byte[] badAddress = (byte[])body.Clone();
        badAddress[10] = (byte)'x';
        Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(badAddress)));

        byte[] negative = (byte[])body.Clone();
        BinaryPrimitives.WriteInt64LittleEndian(negative, -1);
        Assert.Contains("negative version", Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(negative))).Message);

        byte[] twice = Encode(new MembershipTableSnapshot(1, [Row(Address(1001), SiloStatus.Active), Row(Address(1001), SiloStatus.Dead)]));
        Assert.Contains("listed twice", Assert.Throws<WireProtocolException>(() => MembershipSnapshotCodec.Read(new ReadOnlySequence<byte>(twice))).Message);
    }

    private static byte[] Encode(MembershipTableSnapshot snapshot)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MembershipSnapshotCodec.Write(buffer, snapshot);
        return buffer.WrittenSpan.ToArray();
    }

    private static MembershipTableSnapshot Sample()
    {
        SiloAddress a = Address(1001), b = Address(1002, 7), c = new(new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Loopback, 1003), 9), d = Address(1004);
        return new MembershipTableSnapshot(42,
        [
            Row(a, SiloStatus.Joining) with { SiloName = "pod-a", HostName = "host-ä" },
            Row(b, SiloStatus.Active) with { Suspicions = [new SuspicionVote(a, s_start.AddSeconds(5)), new SuspicionVote(c, s_start.AddSeconds(6))] },
            Row(c, SiloStatus.ShuttingDown) with { SiloName = string.Empty },
            Row(d, SiloStatus.Dead),
        ]);
    }

    private static MembershipEntry Row(SiloAddress silo, SiloStatus status)
        => new() { Silo = silo, Status = status, StartTime = s_start, IAmAliveTime = s_start.AddMinutes(1) };
}
