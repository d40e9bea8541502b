using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Tests.Configuration;

public sealed class CustomBackendTests
{
    private readonly IServiceProvider _services = new ServiceCollection().AddSingleton<GreetingService>().BuildServiceProvider();

    [Fact]
    public void A_factory_type_is_constructed_with_services_and_called()
    {
        var backend = (SimpleCache)BackendFactoryTestContext.CreateBackend(
            new() { ["CACHE_TYPE"] = typeof(PrefixingBackendFactory).AssemblyQualifiedName, ["CACHE_ARGS"] = "x" }, _services);

        Assert.Equal("hello_x", backend.KeyPrefix);
    }

    [Fact]
    public void A_backend_type_with_a_static_create_method_is_built_through_it()
    {
        ICacheBackend backend = BackendFactoryTestContext.CreateBackend(
            new() { ["CACHE_TYPE"] = typeof(StaticCreateBackend).FullName, ["CACHE_DEFAULT_TIMEOUT"] = "77" }, _services);

        Assert.IsType<StaticCreateBackend>(backend);
        Assert.Equal(CacheTimeout.FromSeconds(77), backend.DefaultTimeout);
    }

    [Fact]
    public void A_backend_type_is_constructed_with_services_and_args()
    {
        var backend = Assert.IsType<WrappingBackend>(BackendFactoryTestContext.CreateBackend(
            new() { ["CACHE_TYPE"] = typeof(WrappingBackend).FullName, ["CACHE_ARGS"] = "label" }, _services));

        Assert.Equal("hello:label", backend.Label);
    }

    [Fact]
    public void A_static_method_name_is_a_factory_function()
    {
        string name = typeof(WrappingBackend).FullName + "." + nameof(WrappingBackend.NewWrapping);

        var backend = Assert.IsType<WrappingBackend>(BackendFactoryTestContext.CreateBackend(new() { ["CACHE_TYPE"] = name }, _services));

        Assert.Equal("function:" + name, backend.Label);
    }

    [Fact]
    public void A_backend_type_whose_constructor_cannot_be_satisfied_fails_clearly()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => BackendFactoryTestContext.CreateBackend(
            new() { ["CACHE_TYPE"] = typeof(WrappingBackend).FullName }));

        Assert.Contains("couldn't construct", ex.Message);
        Assert.Contains(typeof(WrappingBackend).FullName!, ex.Message);
    }

    [Fact]
    public void A_type_that_is_not_a_backend_fails_clearly()
    {
        var ex = Assert.Throws<CacheConfigurationException>(() => new CacheBackendRegistry().ResolveName(typeof(GreetingService).FullName!));

        Assert.Contains("implements neither ICacheBackendFactory nor ICacheBackend", ex.Message);
        Assert.Contains("CACHE_TYPE", ex.Message);
    }

    [Fact]
    public void A_method_that_does_not_return_a_backend_fails_clearly()
    {
        string name = typeof(NotABackend).FullName + ".Create";

        var ex = Assert.Throws<CacheConfigurationException>(() => new CacheBackendRegistry().ResolveName(name));

        Assert.Contains("returning ICacheBackend", ex.Message);
        Assert.Contains(name, ex.Message);
    }
}
