using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The codecs of <see cref="ICacheEntryGrain"/>'s methods.</summary>
internal static class CacheEntryCodecs
{
    public static GrainMethodCodec[] Create()
    {
        GrainType type = CacheGrainTypes.Entry;
        return
        [
            new GrainMethodCodec<CacheEntryGetRequest, byte[]?>(
                CacheGrainMethodIds.EntryGet, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => CacheEntryGetRequest.Instance,
                WireWriter.WriteNullableBytes,
                static (ref WireReader r) => r.ReadNullableBytes()),
            new GrainMethodCodec<CacheEntryGetEntryRequest, CacheEntrySnapshot?>(
                CacheGrainMethodIds.EntryGetEntry, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => CacheEntryGetEntryRequest.Instance,
                CacheGrainCodecs.WriteSnapshot,
                CacheGrainCodecs.ReadSnapshot),
            new GrainMethodCodec<CacheEntryHasRequest, bool>(
                CacheGrainMethodIds.EntryHas, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => CacheEntryHasRequest.Instance,
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
            new GrainMethodCodec<CacheEntrySetRequest, bool>(
                CacheGrainMethodIds.EntrySet, type,
                static (o, r) =>
                {
                    WireWriter.WriteBytes(o, r.Value);
                    WireWriter.WriteNullableTimeSpan(o, r.TimeToLive);
                },
                static (ref WireReader r) => new CacheEntrySetRequest(r.ReadBytes(), r.ReadNullableTimeSpan()),
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
            new GrainMethodCodec<CacheEntryAddRequest, bool>(
                CacheGrainMethodIds.EntryAdd, type,
                static (o, r) =>
                {
                    WireWriter.WriteBytes(o, r.Value);
                    WireWriter.WriteNullableTimeSpan(o, r.TimeToLive);
                },
                static (ref WireReader r) => new CacheEntryAddRequest(r.ReadBytes(), r.ReadNullableTimeSpan()),
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
            new GrainMethodCodec<CacheEntryDeleteRequest, bool>(
                CacheGrainMethodIds.EntryDelete, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => CacheEntryDeleteRequest.Instance,
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
            new GrainMethodCodec<CacheEntryIncrementRequest, long>(
                CacheGrainMethodIds.EntryIncrement, type,
                static (o, r) =>
                {
                    WireWriter.WriteInt64(o, r.Delta);
                    WireWriter.WriteNullableTimeSpan(o, r.TimeToLiveIfCreated);
                },
                static (ref WireReader r) => new CacheEntryIncrementRequest(r.ReadInt64(), r.ReadNullableTimeSpan()),
                WireWriter.WriteInt64,
                static (ref WireReader r) => r.ReadInt64()),
            new GrainMethodCodec<CacheEntryTouchRequest, bool>(
                CacheGrainMethodIds.EntryTouch, type,
                static (o, r) => WireWriter.WriteNullableTimeSpan(o, r.TimeToLive),
                static (ref WireReader r) => new CacheEntryTouchRequest(r.ReadNullableTimeSpan()),
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
            new GrainMethodCodec<CacheEntryGetOrLeaseRequest, CacheLeaseResult>(
                CacheGrainMethodIds.EntryGetOrLease, type,
                static (o, r) => WireWriter.WriteInt64(o, r.LeaseDuration.Ticks),
                static (ref WireReader r) => new CacheEntryGetOrLeaseRequest(TimeSpan.FromTicks(r.ReadInt64())),
                CacheGrainCodecs.WriteLease,
                CacheGrainCodecs.ReadLease),
            new GrainMethodCodec<CacheEntryReleaseLeaseRequest, bool>(
                CacheGrainMethodIds.EntryReleaseLease, type,
                static (o, r) => WireWriter.WriteInt64(o, r.LeaseId),
                static (ref WireReader r) => new CacheEntryReleaseLeaseRequest(r.ReadInt64()),
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
        ];
    }
}
