using System.Text;
using Orleans.Caching.Grains.Tests.Hosting;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Requests;

public sealed class CacheGrainReferenceTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void The_registrations_create_references_of_each_interface()
    {
        var invoker = new DirectInvoker();

        Assert.Equal([typeof(ICacheEntryGrain), typeof(IMemoizeVersionGrain)], CacheGrainInterfaces.Registrations.Select(r => r.InterfaceType));
        var entry = CacheGrainInterfaces.Entry.CreateReference(new GrainId(CacheGrainTypes.Entry, "k"), invoker);
        var version = CacheGrainInterfaces.MemoizeVersion.CreateReference(new GrainId(CacheGrainTypes.MemoizeVersion, "f_memver"), invoker);

        Assert.IsType<CacheEntryGrainReference>(entry);
        Assert.IsType<MemoizeVersionGrainReference>(version);
        Assert.Equal("cache-entry/k", entry.ToString());
    }

    [Fact]
    public void The_class_registrations_create_each_grain()
    {
        var services = new EmptyServices();
        GrainId id = new(CacheGrainTypes.Entry, "k");

        Assert.IsType<CacheEntryGrain>(CacheGrainClasses.Entry.Factory(services, id));
        Assert.IsType<MemoizeVersionGrain>(CacheGrainClasses.MemoizeVersion.Factory(services, id));
        Assert.Equal([CacheGrainTypes.Entry, CacheGrainTypes.MemoizeVersion], CacheGrainClasses.Registrations.Select(r => r.GrainType));
    }

    [Fact]
    public async Task A_reference_sends_each_call_as_its_request_and_returns_the_grains_answer()
    {
        CacheEntryGrain grain = await TestGrainContext.ActivateEntryAsync("k", NullGrainStorage.Instance, _clock);
        var invoker = new DirectInvoker { Grain = grain };
        var reference = new CacheEntryGrainReference(new GrainId(CacheGrainTypes.Entry, "k"), invoker);

        Assert.True(await reference.SetAsync(Encoding.UTF8.GetBytes("5"), null));
        Assert.Equal(8, await reference.IncrementAsync(3, null));
        Assert.True(await reference.HasAsync());
        Assert.Equal("8", Encoding.UTF8.GetString((await reference.GetAsync())!));
        Assert.True(await reference.TouchAsync(TimeSpan.FromSeconds(5)));
        Assert.NotNull((await reference.GetEntryAsync())?.ExpiresAt);
        Assert.False(await reference.AddAsync([1], null));
        Assert.True(await reference.DeleteAsync());
        CacheLeaseResult lease = await reference.GetOrLeaseAsync(TimeSpan.FromSeconds(5));
        Assert.True(await reference.ReleaseLeaseAsync(lease.LeaseId));

        Assert.Equal(
            ["SetAsync", "IncrementAsync", "HasAsync", "GetAsync", "TouchAsync", "GetEntryAsync", "AddAsync", "DeleteAsync", "GetOrLeaseAsync", "ReleaseLeaseAsync"],
            invoker.Methods);
    }

    [Fact]
    public async Task A_version_reference_sends_each_call_as_its_request()
    {
        MemoizeVersionGrain grain = await TestGrainContext.ActivateVersionAsync("f_memver", NullGrainStorage.Instance, _clock);
        var invoker = new DirectInvoker { Grain = grain };
        var reference = new MemoizeVersionGrainReference(new GrainId(CacheGrainTypes.MemoizeVersion, "f_memver"), invoker);

        string version = await reference.GetOrCreateAsync();
        await reference.RefreshAsync(TimeSpan.FromSeconds(5));
        string reset = await reference.ResetAsync();

        Assert.NotEqual(version, reset);
        Assert.True(await reference.DeleteAsync());
        Assert.Equal(["GetOrCreateAsync", "RefreshAsync", "ResetAsync", "DeleteAsync"], invoker.Methods);
    }

    private sealed class DirectInvoker : IGrainCallInvoker
    {
        public object? Grain { get; init; }

        public List<string> Methods { get; } = [];

        public ValueTask<TResult> InvokeAsync<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
        {
            Methods.Add(request.MethodName);
            return request.InvokeAsync(Grain!, cancellationToken);
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
