using Microsoft.AspNetCore.Mvc.RazorPages;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views.Pages;

/// <summary>A Razor Page whose GET handler is a cached view.</summary>
public sealed class CachedPageModel(ViewCounter counter) : PageModel
{
    public string Number { get; private set; } = string.Empty;

    [Cached(2)]
    public void OnGet() => Number = counter.Next();

    public void OnPost() => Number = counter.Next();
}
