using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>The codecs of <see cref="IMemoizeVersionGrain"/>'s methods.</summary>
internal static class MemoizeVersionCodecs
{
    public static GrainMethodCodec[] Create()
    {
        GrainType type = CacheGrainTypes.MemoizeVersion;
        return
        [
            new GrainMethodCodec<MemoizeVersionGetOrCreateRequest, string>(
                CacheGrainMethodIds.VersionGetOrCreate, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => MemoizeVersionGetOrCreateRequest.Instance,
                WireWriter.WriteString,
                static (ref WireReader r) => r.ReadString()),
            new GrainMethodCodec<MemoizeVersionResetRequest, string>(
                CacheGrainMethodIds.VersionReset, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => MemoizeVersionResetRequest.Instance,
                WireWriter.WriteString,
                static (ref WireReader r) => r.ReadString()),
            new GrainMethodCodec<MemoizeVersionDeleteRequest, bool>(
                CacheGrainMethodIds.VersionDelete, type,
                CacheGrainCodecs.NoArguments,
                static (ref WireReader _) => MemoizeVersionDeleteRequest.Instance,
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
            new GrainMethodCodec<MemoizeVersionRefreshRequest, bool>(
                CacheGrainMethodIds.VersionRefresh, type,
                static (o, r) => WireWriter.WriteNullableTimeSpan(o, r.EntryTimeToLive),
                static (ref WireReader r) => new MemoizeVersionRefreshRequest(r.ReadNullableTimeSpan()),
                CacheGrainCodecs.WriteBoolean,
                CacheGrainCodecs.ReadBoolean),
        ];
    }
}
