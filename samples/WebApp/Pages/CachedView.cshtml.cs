using Microsoft.AspNetCore.Mvc.RazorPages;
using Orleans.Caching.Samples.WebApp.Services;

namespace Orleans.Caching.Samples.WebApp.Pages;

/// <summary>A whole page cached for 60 seconds under <c>view//CachedView</c> (Flask's <c>@cache.cached(timeout=60)</c>).</summary>
public sealed class CachedViewModel(RenderCounter counter, TimeProvider time) : PageModel
{
    public long Render { get; private set; }

    public DateTimeOffset RenderedAt { get; private set; }

    [Cached(Timeout = 60)]
    public void OnGet()
    {
        Render = counter.Next();
        RenderedAt = time.GetUtcNow();
    }
}
