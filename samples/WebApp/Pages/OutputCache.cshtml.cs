using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Orleans.Caching.Samples.WebApp.Services;

namespace Orleans.Caching.Samples.WebApp.Pages;

/// <summary>A page cached by ASP.NET Core's output caching, whose store is the Orleans.Caching cache, tagged for eviction.</summary>
[OutputCache(Duration = 60, Tags = [SampleEndpoints.OutputTag])]
public sealed class OutputCacheModel(RenderCounter counter, TimeProvider time) : PageModel
{
    public long Render { get; private set; }

    public DateTimeOffset RenderedAt { get; private set; }

    public void OnGet()
    {
        Render = counter.Next();
        RenderedAt = time.GetUtcNow();
    }
}
