using System.Globalization;

namespace Orleans.Caching.Tests.Cached;

public sealed class TemplateFragmentKeyTests
{
    [Fact]
    public void Name_alone_gives_the_prefixed_name()
        => Assert.Equal("_template_fragment_cache_fragment1", TemplateFragmentKey.Make("fragment1"));

    [Fact]
    public void Vary_on_values_are_joined_with_underscores()
    {
        Assert.Equal("_template_fragment_cache_fragment1_key1", TemplateFragmentKey.Make("fragment1", "key1"));
        Assert.Equal("_template_fragment_cache_fragment1_key1_somevar", TemplateFragmentKey.Make("fragment1", "key1", "somevar"));
        Assert.Equal("_template_fragment_cache_fragment4_fragment5", TemplateFragmentKey.Make("fragment4", "fragment5"));
    }

    [Fact]
    public void Vary_on_values_are_written_with_the_invariant_culture_and_null_as_none()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("_template_fragment_cache_f_1.5_None_True", TemplateFragmentKey.Make("f", 1.5, null, true));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task A_fragment_key_addresses_a_value_stored_through_the_cache()
    {
        Cache cache = Support.CachedTestCaches.Create(new FakeTimeProvider());

        await cache.SetAsync(TemplateFragmentKey.Make("fragment1", "key1"), "rendered", 60);

        Assert.Equal("rendered", await cache.GetAsync<string>("_template_fragment_cache_fragment1_key1"));
    }
}
