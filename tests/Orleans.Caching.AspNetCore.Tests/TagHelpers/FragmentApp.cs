using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.AspNetCore.Tests.Distributed.Support;

namespace Orleans.Caching.AspNetCore.Tests.TagHelpers;

/// <summary>An app rendering the views of <c>TagHelpers/Views</c> at <c>/view/{name}?somevar=...&amp;timeout=...</c>.</summary>
internal static class FragmentApp
{
    public static Task<AdapterApp> StartAsync(CacheTarget target, Action<IServiceCollection>? services = null)
        => AdapterApp.StartAsync(target, s => services?.Invoke(s), app => app.MapGet("/view/{name}", (HttpContext http, string name, string? somevar, string? timeout) =>
            AdapterApp.RenderAsync(http, $"/TagHelpers/Views/{name}.cshtml", new Dictionary<string, object?>
            {
                ["somevar"] = somevar ?? string.Empty,
                ["timeout"] = timeout ?? "60",
            })));

    /// <summary>The text of the element with the given id, e.g. <c>&lt;p id="a"&gt;text&lt;/p&gt;</c>.</summary>
    public static string Block(string html, string id)
    {
        string start = $"<p id=\"{id}\">";
        int from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"No block {id} in: {html}");
        from += start.Length;
        return html[from..html.IndexOf("</p>", from, StringComparison.Ordinal)];
    }
}
