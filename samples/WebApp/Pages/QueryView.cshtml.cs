using Microsoft.AspNetCore.Mvc.RazorPages;
using Orleans.Caching.Samples.WebApp.Services;

namespace Orleans.Caching.Samples.WebApp.Pages;

/// <summary>A page cached per query string: the key hashes the sorted query pairs, so <c>?a=1&amp;b=2</c> and <c>?b=2&amp;a=1</c> share an entry.</summary>
public sealed class QueryViewModel(RenderCounter counter, TimeProvider time) : PageModel
{
    public long Render { get; private set; }

    public DateTimeOffset RenderedAt { get; private set; }

    [Cached(Timeout = 60, QueryString = true)]
    public void OnGet()
    {
        Render = counter.Next();
        RenderedAt = time.GetUtcNow();
    }
}
