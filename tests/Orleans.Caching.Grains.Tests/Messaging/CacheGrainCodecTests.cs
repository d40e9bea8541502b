using System.Buffers;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Messaging;

public sealed class CacheGrainCodecTests
{
    private static readonly GrainMessageCodec s_codec = CacheGrainCodecs.MessageCodec;

    private static TimeSpan Ttl => TimeSpan.FromSeconds(5);

    public static TheoryData<GrainRequest, GrainType> Requests => new()
    {
        { CacheEntryGetRequest.Instance, CacheGrainTypes.Entry },
        { CacheEntryGetEntryRequest.Instance, CacheGrainTypes.Entry },
        { CacheEntryHasRequest.Instance, CacheGrainTypes.Entry },
        { new CacheEntrySetRequest([1, 2, 3], Ttl), CacheGrainTypes.Entry },
        { new CacheEntrySetRequest([], null), CacheGrainTypes.Entry },
        { new CacheEntryAddRequest([9], TimeSpan.Zero), CacheGrainTypes.Entry },
        { CacheEntryDeleteRequest.Instance, CacheGrainTypes.Entry },
        { new CacheEntryIncrementRequest(-7, Ttl), CacheGrainTypes.Entry },
        { new CacheEntryIncrementRequest(long.MaxValue, null), CacheGrainTypes.Entry },
        { new CacheEntryTouchRequest(TimeSpan.FromSeconds(-1)), CacheGrainTypes.Entry },
        { new CacheEntryTouchRequest(null), CacheGrainTypes.Entry },
        { new CacheEntryGetOrLeaseRequest(TimeSpan.FromMilliseconds(1500)), CacheGrainTypes.Entry },
        { new CacheEntryReleaseLeaseRequest(long.MinValue), CacheGrainTypes.Entry },
        { MemoizeVersionGetOrCreateRequest.Instance, CacheGrainTypes.MemoizeVersion },
        { MemoizeVersionResetRequest.Instance, CacheGrainTypes.MemoizeVersion },
        { MemoizeVersionDeleteRequest.Instance, CacheGrainTypes.MemoizeVersion },
        { new MemoizeVersionRefreshRequest(Ttl), CacheGrainTypes.MemoizeVersion },
        { new MemoizeVersionRefreshRequest(null), CacheGrainTypes.MemoizeVersion },
        { new CacheControlGetManyRequest(["a", "prefix:é", string.Empty]), CacheGrainTypes.ClusterControl },
        { new CacheControlGetManyRequest([]), CacheGrainTypes.ClusterControl },
        { new CacheControlDeleteManyRequest(["x", "y"]), CacheGrainTypes.ClusterControl },
        { CacheControlClearRequest.Instance, CacheGrainTypes.ClusterControl },
    };

    internal static byte[] EncodeRequest(GrainId target, GrainRequest request)
    {
        var output = new ArrayBufferWriter<byte>();
        s_codec.WriteRequest(output, target, request);
        return output.WrittenSpan.ToArray();
    }

    private static TResult RoundTripResult<TResult>(GrainRequest<TResult> request, TResult result)
    {
        var output = new ArrayBufferWriter<byte>();
        GrainMessageCodec.WriteSuccess(output, (GrainMethodCodec<TResult>)s_codec.GetMethod(request), result);
        GrainResponse<TResult> response = s_codec.ReadResponse(new ReadOnlySequence<byte>(output.WrittenMemory), request);
        Assert.Equal(GrainResponseStatus.Success, response.Status);
        return response.GetResultOrThrow();
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_request_round_trips_with_its_arguments(GrainRequest request, GrainType type)
    {
        var target = new GrainId(type, "prefix:key/é");

        DecodedGrainRequest decoded = s_codec.ReadRequest(new ReadOnlySequence<byte>(EncodeRequest(target, request)));

        Assert.Equal(target, decoded.Target);
        Assert.IsType(request.GetType(), decoded.Request);
        Assert.Equal(request.ArgumentCount, decoded.Request.ArgumentCount);
        for (int i = 0; i < request.ArgumentCount; i++)
        {
            Assert.Equal(request.GetArgument(i), decoded.Request.GetArgument(i));
        }
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_truncated_at_any_offset_is_malformed(GrainRequest request, GrainType type)
    {
        byte[] bytes = EncodeRequest(new GrainId(type, "k"), request);
        for (int length = 0; length < bytes.Length; length++)
        {
            var truncated = new ReadOnlySequence<byte>(bytes, 0, length);

            Assert.Throws<WireProtocolException>(() => s_codec.ReadRequest(truncated));
        }
    }

    [Fact]
    public void Method_ids_are_stable()
    {
        var ids = s_codec.Methods.ToDictionary(m => m.RequestType.Name, m => m.MethodId);

        Assert.Equal(18, ids.Count);
        Assert.Equal(1, ids[nameof(CacheEntryGetRequest)]);
        Assert.Equal(4, ids[nameof(CacheEntrySetRequest)]);
        Assert.Equal(9, ids[nameof(CacheEntryGetOrLeaseRequest)]);
        Assert.Equal(10, ids[nameof(CacheEntryReleaseLeaseRequest)]);
        Assert.Equal(101, ids[nameof(MemoizeVersionGetOrCreateRequest)]);
        Assert.Equal(104, ids[nameof(MemoizeVersionRefreshRequest)]);
        Assert.Equal(201, ids[nameof(CacheControlGetManyRequest)]);
        Assert.Equal(202, ids[nameof(CacheControlSetManyRequest)]);
        Assert.Equal(203, ids[nameof(CacheControlDeleteManyRequest)]);
        Assert.Equal(204, ids[nameof(CacheControlClearRequest)]);
    }

    [Fact]
    public void A_set_many_request_round_trips_its_items_and_time_to_live()
    {
        var request = new CacheControlSetManyRequest([new("k1", [1, 2]), new("k2", [])], TimeSpan.FromSeconds(3));
        var target = new GrainId(CacheGrainTypes.ClusterControl, "127.0.0.1:11111@1");

        var decoded = Assert.IsType<CacheControlSetManyRequest>(s_codec.ReadRequest(new ReadOnlySequence<byte>(EncodeRequest(target, request))).Request);

        Assert.Equal(["k1", "k2"], decoded.Items.Select(i => i.Key));
        Assert.Equal([1, 2], decoded.Items[0].Value);
        Assert.Empty(decoded.Items[1].Value);
        Assert.Equal(TimeSpan.FromSeconds(3), decoded.TimeToLive);
    }

    [Fact]
    public void Batch_results_round_trip()
    {
        byte[]?[] values = RoundTripResult(new CacheControlGetManyRequest(["a", "b", "c"]), [[7], null, []]);
        bool[] flags = RoundTripResult(new CacheControlDeleteManyRequest(["a", "b"]), [true, false]);

        Assert.Equal([7], values[0]);
        Assert.Null(values[1]);
        Assert.Empty(values[2]!);
        Assert.Equal([true, false], flags);
    }

    [Fact]
    public void A_batch_count_larger_than_its_body_is_malformed_before_allocating()
    {
        var output = new ArrayBufferWriter<byte>();
        WireWriter.WriteGrainId(output, new GrainId(CacheGrainTypes.ClusterControl, "127.0.0.1:11111@1"));
        WireWriter.WriteUInt16(output, CacheGrainMethodIds.ControlGetMany);
        WireWriter.WriteVarUInt32(output, int.MaxValue);

        Assert.Throws<WireProtocolException>(() => s_codec.ReadRequest(new ReadOnlySequence<byte>(output.WrittenMemory)));
    }

    [Fact]
    public void Every_cache_grain_request_class_has_a_codec()
    {
        Type[] requestTypes = typeof(ICacheEntryGrain).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(GrainRequest).IsAssignableFrom(t))
            .ToArray();

        Assert.Equal(requestTypes.Length, s_codec.Methods.Count);
        Assert.All(requestTypes, t => Assert.Contains(s_codec.Methods, m => m.RequestType == t));
    }

    [Fact]
    public void Value_results_round_trip()
    {
        Assert.Null(RoundTripResult(CacheEntryGetRequest.Instance, null));
        Assert.Equal([], Assert.IsType<byte[]>(RoundTripResult(CacheEntryGetRequest.Instance, [])));
        byte[] large = new byte[1 << 20];
        new Random(1).NextBytes(large);
        Assert.Equal(large, RoundTripResult(CacheEntryGetRequest.Instance, large));
    }

    [Fact]
    public void Entry_snapshots_round_trip()
    {
        DateTimeOffset expires = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

        Assert.Null(RoundTripResult(CacheEntryGetEntryRequest.Instance, null));
        CacheEntrySnapshot? forever = RoundTripResult(CacheEntryGetEntryRequest.Instance, new CacheEntrySnapshot([1, 2], null));
        CacheEntrySnapshot? expiring = RoundTripResult(CacheEntryGetEntryRequest.Instance, new CacheEntrySnapshot([3], expires));

        Assert.Equal([1, 2], forever!.Value);
        Assert.Null(forever.ExpiresAt);
        Assert.Equal([3], expiring!.Value);
        Assert.Equal(expires, expiring.ExpiresAt);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Boolean_results_round_trip(bool value)
    {
        Assert.Equal(value, RoundTripResult(CacheEntryHasRequest.Instance, value));
        Assert.Equal(value, RoundTripResult(new CacheEntrySetRequest([1], null), value));
        Assert.Equal(value, RoundTripResult(new CacheEntryAddRequest([1], null), value));
        Assert.Equal(value, RoundTripResult(CacheEntryDeleteRequest.Instance, value));
        Assert.Equal(value, RoundTripResult(new CacheEntryTouchRequest(null), value));
        Assert.Equal(value, RoundTripResult(new CacheEntryReleaseLeaseRequest(1), value));
        Assert.Equal(value, RoundTripResult(MemoizeVersionDeleteRequest.Instance, value));
        Assert.Equal(value, RoundTripResult(new MemoizeVersionRefreshRequest(null), value));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    public void Counter_results_round_trip(long value)
    {
        Assert.Equal(value, RoundTripResult(new CacheEntryIncrementRequest(1, null), value));
    }

    [Fact]
    public void Version_results_round_trip()
    {
        Assert.Equal("a1b2c3", RoundTripResult(MemoizeVersionGetOrCreateRequest.Instance, "a1b2c3"));
        Assert.Equal("zzzzzz", RoundTripResult(MemoizeVersionResetRequest.Instance, "zzzzzz"));
    }

    [Fact]
    public void Lease_results_round_trip_without_the_wait_signal()
    {
        var request = new CacheEntryGetOrLeaseRequest(Ttl);

        CacheLeaseResult hit = RoundTripResult(request, CacheLeaseResult.Hit([4, 5]));
        CacheLeaseResult leased = RoundTripResult(request, CacheLeaseResult.Leased(42));
        CacheLeaseResult empty = RoundTripResult(request, default);

        Assert.True(hit.Found);
        Assert.Equal([4, 5], hit.Value);
        Assert.False(hit.HasLease);
        Assert.False(leased.Found);
        Assert.Equal(42, leased.LeaseId);
        Assert.Null(leased.Value);
        Assert.Equal(default, empty);
    }

    [Fact]
    public void A_lease_result_that_says_wait_cannot_be_encoded()
    {
        var request = new CacheEntryGetOrLeaseRequest(Ttl);
        var method = (GrainMethodCodec<CacheLeaseResult>)s_codec.GetMethod(request);

        Assert.Throws<InvalidOperationException>(() => method.WriteResult(new ArrayBufferWriter<byte>(), CacheLeaseResult.Wait(Task.CompletedTask)));
    }

    [Fact]
    public void A_request_for_the_wrong_grain_type_is_a_bad_request()
    {
        byte[] bytes = EncodeRequest(new GrainId(CacheGrainTypes.Entry, "k"), CacheEntryDeleteRequest.Instance);
        byte[] versionDelete = EncodeRequest(new GrainId(CacheGrainTypes.MemoizeVersion, "k"), MemoizeVersionDeleteRequest.Instance);
        int idOffset = bytes.Length - 2;
        bytes[idOffset] = versionDelete[^2];
        bytes[idOffset + 1] = versionDelete[^1];

        GrainCallRejectedException error = Assert.Throws<GrainCallRejectedException>(() => s_codec.ReadRequest(new ReadOnlySequence<byte>(bytes)));
        Assert.Equal(RejectionReason.BadRequest, error.Reason);
    }
}
