using Microsoft.Extensions.DependencyInjection;

using Orleans.Caching.Tests.Memoize;

namespace Orleans.Caching.Tests.Interception;

public sealed class InterceptionRegistrationTests
{
    [Theory]
    [InlineData(typeof(IVoidService), typeof(VoidService), "IVoidService.Run", "returns void")]
    [InlineData(typeof(ITaskService), typeof(TaskService), "ITaskService.RunAsync", "returns Task")]
    [InlineData(typeof(IValueTaskService), typeof(ValueTaskService), "IValueTaskService.RunAsync", "returns ValueTask")]
    [InlineData(typeof(IOutService), typeof(OutService), "IOutService.TryGet", "'value' is out")]
    [InlineData(typeof(IRefService), typeof(RefService), "IRefService.Twice", "'value' is ref")]
    public void A_method_that_cannot_be_cached_is_refused_when_registered(Type service, Type implementation, string method, string reason)
    {
        var services = new ServiceCollection();
        var register = typeof(MemoizedServiceCollectionExtensions).GetMethods()
            .Single(m => m.Name == nameof(MemoizedServiceCollectionExtensions.AddMemoized) && m.GetGenericArguments().Length == 2)
            .MakeGenericMethod(service, implementation);
        var ex = Assert.IsType<InvalidOperationException>(
            Assert.Throws<System.Reflection.TargetInvocationException>(() => register.Invoke(null, [services, ServiceLifetime.Singleton])).InnerException);
        Assert.Contains(method, ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void A_non_virtual_class_method_is_refused_when_registered()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMemoized<NonVirtualService>());
        Assert.Contains("NonVirtualService.Add", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not virtual", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_policy_is_reported_when_the_service_is_first_resolved()
    {
        using var h = new InterceptionHarness(s => s.AddMemoized<IPolicyService, PolicyService>());
        var ex = Assert.Throws<InvalidOperationException>(() => h.Get<IPolicyService>());
        Assert.Contains("'missing'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddMemoizePolicy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_hash_method_is_refused_when_registered()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMemoized<IBadHashService, BadHashService>());
        Assert.Contains("sha3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_keyed_cache_is_reported_when_the_service_is_first_resolved()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new MemoizeHarness().Cache);
        services.AddMemoized<ClassAdder>();
        services.AddMemoizePolicy("skip-negative", _ => { });
        using ServiceProvider provider = services.BuildServiceProvider();
        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ClassAdder>());
        Assert.Contains("'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_method_of_the_attribute_is_the_one_keys_are_built_with()
    {
        using var h = new InterceptionHarness(s => s.AddMemoized<IBadHashService, GoodHashService>());
        IBadHashService proxy = h.Get<IBadHashService>();
        long value = proxy.Get(1);
        var target = InterceptionHarness.TargetOf<GoodHashService>(proxy);
        var md5 = h.Cache.Memoize<Func<int, long>>(target.Get, new MemoizeOptions { HashMethod = CacheHashMethod.Md5 });
        Assert.Equal(value, md5.Invoke(1));
    }
}

public interface IBadHashService
{
    long Get(int a);
}

public sealed class BadHashService : IBadHashService
{
    [Memoize(HashMethod = "sha3")]
    public long Get(int a) => a;
}

public sealed class GoodHashService : IBadHashService
{
    [Memoize(HashMethod = "md5")]
    public long Get(int a) => a + Randoms.Next();
}
