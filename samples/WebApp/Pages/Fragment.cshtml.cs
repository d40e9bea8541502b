using Microsoft.AspNetCore.Mvc.RazorPages;
using Orleans.Caching.Samples.WebApp.Services;

namespace Orleans.Caching.Samples.WebApp.Pages;

/// <summary>A page rendered every time around a fragment cached by <c>&lt;orleans-cache&gt;</c>.</summary>
public sealed class FragmentModel(RenderCounter counter, TimeProvider time) : PageModel
{
    /// <summary>The fragment's name: its key is <c>TemplateFragmentKey.Make(FragmentName)</c>.</summary>
    public const string FragmentName = "sample-sidebar";

    public RenderCounter Counter => counter;

    public TimeProvider Time => time;

    public long Render { get; private set; }

    public DateTimeOffset RenderedAt { get; private set; }

    public void OnGet()
    {
        Render = counter.Next();
        RenderedAt = time.GetUtcNow();
    }
}
