using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Requests;

public sealed class CacheGrainRequestTests
{
    private static TimeSpan Ttl => TimeSpan.FromSeconds(5);

    public static TheoryData<GrainRequest, string, bool, bool> EntryRequests => new()
    {
        { CacheEntryGetRequest.Instance, nameof(ICacheEntryGrain.GetAsync), true, true },
        { CacheEntryGetEntryRequest.Instance, nameof(ICacheEntryGrain.GetEntryAsync), true, true },
        { CacheEntryHasRequest.Instance, nameof(ICacheEntryGrain.HasAsync), true, true },
        { new CacheEntrySetRequest([1], Ttl), nameof(ICacheEntryGrain.SetAsync), false, true },
        { new CacheEntryAddRequest([1], Ttl), nameof(ICacheEntryGrain.AddAsync), false, false },
        { CacheEntryDeleteRequest.Instance, nameof(ICacheEntryGrain.DeleteAsync), false, true },
        { new CacheEntryIncrementRequest(2, Ttl), nameof(ICacheEntryGrain.IncrementAsync), false, false },
        { new CacheEntryTouchRequest(Ttl), nameof(ICacheEntryGrain.TouchAsync), false, true },
        { new CacheEntryGetOrLeaseRequest(Ttl), nameof(ICacheEntryGrain.GetOrLeaseAsync), false, false },
        { new CacheEntryReleaseLeaseRequest(7), nameof(ICacheEntryGrain.ReleaseLeaseAsync), false, false },
        { MemoizeVersionGetOrCreateRequest.Instance, nameof(IMemoizeVersionGrain.GetOrCreateAsync), false, true },
        { MemoizeVersionResetRequest.Instance, nameof(IMemoizeVersionGrain.ResetAsync), false, false },
        { MemoizeVersionDeleteRequest.Instance, nameof(IMemoizeVersionGrain.DeleteAsync), false, true },
        { new MemoizeVersionRefreshRequest(Ttl), nameof(IMemoizeVersionGrain.RefreshAsync), false, true },
    };

    [Theory]
    [MemberData(nameof(EntryRequests))]
    public async Task Each_request_names_its_method_flags_and_calls_that_method(GrainRequest request, string method, bool readOnly, bool idempotent)
    {
        var grain = new RecordingGrain();

        await request.InvokeUntypedAsync(grain, CancellationToken.None);

        Assert.Equal(method, request.MethodName);
        Assert.Equal(readOnly, request.IsReadOnly);
        Assert.Equal(idempotent, request.IsIdempotent);
        Assert.Equal([method], grain.Calls);
        Assert.True(request.InterfaceType.IsInstanceOfType(grain));
    }

    [Fact]
    public void Arguments_are_exposed_by_position()
    {
        byte[] value = [1, 2];
        var set = new CacheEntrySetRequest(value, Ttl);
        var increment = new CacheEntryIncrementRequest(-3, null);

        Assert.Equal(2, set.ArgumentCount);
        Assert.Same(value, set.GetArgument(0));
        Assert.Equal(Ttl, set.GetArgument(1));
        Assert.Equal(-3L, increment.GetArgument(0));
        Assert.Null(increment.GetArgument(1));
        Assert.Equal(0, CacheEntryGetRequest.Instance.ArgumentCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => set.GetArgument(2));
    }

    [Fact]
    public async Task Requests_pass_their_arguments_to_the_grain()
    {
        var grain = new RecordingGrain();

        await new CacheEntryIncrementRequest(-3, Ttl).InvokeAsync(grain, CancellationToken.None);
        await new CacheEntryReleaseLeaseRequest(42).InvokeAsync(grain, CancellationToken.None);
        await new MemoizeVersionRefreshRequest(null).InvokeAsync(grain, CancellationToken.None);

        Assert.Equal([(object?)-3L, Ttl, 42L, null], grain.Arguments);
    }

    [Fact]
    public void Get_or_lease_runs_again_only_when_told_to_wait()
    {
        var request = new CacheEntryGetOrLeaseRequest(Ttl);
        var signal = new TaskCompletionSource();

        Assert.True(request.ShouldRunAgain(CacheLeaseResult.Wait(signal.Task), out Task? wait));
        Assert.Same(signal.Task, wait);
        Assert.False(request.ShouldRunAgain(CacheLeaseResult.Leased(1), out Task? none));
        Assert.Null(none);
        Assert.False(request.ShouldRunAgain(CacheLeaseResult.Hit([1]), out _));
        Assert.False(new CacheEntrySetRequest([1], null).ShouldRunAgain(true, out _));
    }

    private sealed class RecordingGrain : ICacheEntryGrain, IMemoizeVersionGrain
    {
        public List<string> Calls { get; } = [];

        public List<object?> Arguments { get; } = [];

        public ValueTask<byte[]?> GetAsync(CancellationToken cancellationToken = default) => Record<byte[]?>(nameof(GetAsync), null);

        public ValueTask<CacheEntrySnapshot?> GetEntryAsync(CancellationToken cancellationToken = default) => Record<CacheEntrySnapshot?>(nameof(GetEntryAsync), null);

        public ValueTask<bool> HasAsync(CancellationToken cancellationToken = default) => Record(nameof(HasAsync), true);

        public ValueTask<bool> SetAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default) => Record(nameof(SetAsync), true);

        public ValueTask<bool> AddAsync(byte[] value, TimeSpan? timeToLive, CancellationToken cancellationToken = default) => Record(nameof(AddAsync), true);

        ValueTask<bool> ICacheEntryGrain.DeleteAsync(CancellationToken cancellationToken) => Record(nameof(ICacheEntryGrain.DeleteAsync), true);

        public ValueTask<long> IncrementAsync(long delta, TimeSpan? timeToLiveIfCreated, CancellationToken cancellationToken = default)
        {
            Arguments.Add(delta);
            Arguments.Add(timeToLiveIfCreated);
            return Record(nameof(IncrementAsync), delta);
        }

        public ValueTask<bool> TouchAsync(TimeSpan? timeToLive, CancellationToken cancellationToken = default) => Record(nameof(TouchAsync), true);

        public ValueTask<CacheLeaseResult> GetOrLeaseAsync(TimeSpan leaseDuration, CancellationToken cancellationToken = default)
            => Record(nameof(GetOrLeaseAsync), CacheLeaseResult.Leased(1));

        public ValueTask<bool> ReleaseLeaseAsync(long leaseId, CancellationToken cancellationToken = default)
        {
            Arguments.Add(leaseId);
            return Record(nameof(ReleaseLeaseAsync), true);
        }

        public ValueTask<string> GetOrCreateAsync(CancellationToken cancellationToken = default) => Record(nameof(GetOrCreateAsync), "abcdef");

        public ValueTask<string> ResetAsync(CancellationToken cancellationToken = default) => Record(nameof(ResetAsync), "abcdef");

        ValueTask<bool> IMemoizeVersionGrain.DeleteAsync(CancellationToken cancellationToken) => Record(nameof(IMemoizeVersionGrain.DeleteAsync), true);

        public ValueTask RefreshAsync(TimeSpan? entryTimeToLive, CancellationToken cancellationToken = default)
        {
            Arguments.Add(entryTimeToLive);
            Calls.Add(nameof(RefreshAsync));
            return ValueTask.CompletedTask;
        }

        private ValueTask<T> Record<T>(string method, T result)
        {
            Calls.Add(method);
            return ValueTask.FromResult(result);
        }
    }
}
