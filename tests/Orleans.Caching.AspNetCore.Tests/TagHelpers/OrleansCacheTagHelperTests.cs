using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.TagHelpers;

public sealed class OrleansCacheTagHelperTests : IAsyncLifetime
{
    private CacheTarget _target = null!;
    private AdapterApp _app = null!;

    public async Task InitializeAsync()
    {
        _target = CacheTarget.Local();
        _app = await FragmentApp.StartAsync(_target);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task Each_block_is_stored_under_the_flask_fragment_key_and_holds_the_rendered_body()
    {
        await _app.GetStringAsync("/view/Fragments?somevar=v1");

        Assert.Equal("v1", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment1"));
        Assert.Equal("v1", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment1_key1"));
        Assert.Equal("v1", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment1_key1_v1"));
        Assert.Equal("v1", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment2"));
        Assert.Equal("_template_fragment_cache_fragment1_key1_v1", TemplateFragmentKey.Make("fragment1", "key1", "v1"));
    }

    [Fact]
    public async Task A_second_render_is_served_from_the_cache_except_where_the_vary_value_changed()
    {
        await _app.GetStringAsync("/view/Fragments?somevar=v1");
        string html = await _app.GetStringAsync("/view/Fragments?somevar=v2");

        Assert.Equal("v1", FragmentApp.Block(html, "a"));
        Assert.Equal("v1", FragmentApp.Block(html, "b"));
        Assert.Equal("v2", FragmentApp.Block(html, "c"));
        Assert.Equal("v1", FragmentApp.Block(html, "d"));
        Assert.DoesNotContain("orleans-cache", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_del_deletes_only_its_fragment_and_renders_the_body_uncached()
    {
        await _app.GetStringAsync("/view/Fragments?somevar=v1");
        string html = await _app.GetStringAsync("/view/Fragments?somevar=v2&timeout=del");

        Assert.Equal("v2", FragmentApp.Block(html, "d"));
        Assert.False(await _target.Cache.HasAsync("_template_fragment_cache_fragment2"));
        Assert.Equal("v1", FragmentApp.Block(html, "a"));
        Assert.Equal("v1", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment1"));
        Assert.Equal("v1", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment1_key1"));
    }

    [Fact]
    public async Task Named_fragments_with_one_vary_value_use_the_joined_key()
    {
        string html = await _app.GetStringAsync("/view/MoreFragments?somevar=v3");

        Assert.Equal("v3", FragmentApp.Block(html, "3"));
        Assert.Equal("v3", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment3"));
        Assert.Equal("v3", await _target.Cache.GetAsync<string>("_template_fragment_cache_fragment4_fragment5"));
    }

    [Fact]
    public async Task A_cached_fragment_keeps_its_html_encoding()
    {
        await _app.GetStringAsync("/view/MoreFragments?somevar=%3Cb%3E");
        string html = await _app.GetStringAsync("/view/MoreFragments?somevar=other");

        Assert.Equal("&lt;b&gt;", FragmentApp.Block(html, "e"));
    }

    [Fact]
    public async Task A_fragment_expires_after_its_timeout_on_the_clock()
    {
        await _app.GetStringAsync("/view/Fragments?somevar=v1");
        _target.Clock.Advance(59);
        Assert.Equal("v1", FragmentApp.Block(await _app.GetStringAsync("/view/Fragments?somevar=v2"), "a"));

        _target.Clock.Advance(2);
        Assert.Equal("v3", FragmentApp.Block(await _app.GetStringAsync("/view/Fragments?somevar=v3"), "a"));
    }

    [Fact]
    public async Task Code_can_delete_a_fragment_with_TemplateFragmentKey_Make()
    {
        await _app.GetStringAsync("/view/Fragments?somevar=v1");

        await _target.Cache.DeleteAsync(TemplateFragmentKey.Make("fragment1", "key1"));
        string html = await _app.GetStringAsync("/view/Fragments?somevar=v2");

        Assert.Equal("v2", FragmentApp.Block(html, "b"));
        Assert.Equal("v1", FragmentApp.Block(html, "a"));
    }

    [Fact]
    public async Task A_fragment_without_a_name_fails_with_an_error_naming_the_view()
    {
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => _app.Client.GetAsync(new Uri("/view/NoName?somevar=x", UriKind.Relative)));

        string messages = Messages(error);
        Assert.Contains("has no name", messages, StringComparison.Ordinal);
        Assert.Contains("/TagHelpers/Views/NoName.cshtml", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_timeout_fails_with_an_error_naming_the_fragment()
    {
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => _app.Client.GetAsync(new Uri("/view/BadTimeout?somevar=x", UriKind.Relative)));

        string messages = Messages(error);
        Assert.Contains("name=\"bad\"", messages, StringComparison.Ordinal);
        Assert.Contains("invalid timeout", messages, StringComparison.Ordinal);
    }

    private static string Messages(Exception error)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
        }

        return text.ToString();
    }
}
