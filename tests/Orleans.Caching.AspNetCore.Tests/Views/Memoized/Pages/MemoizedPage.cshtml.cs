using Microsoft.AspNetCore.Mvc.RazorPages;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized.Pages;

/// <summary>A Razor Page whose GET handler is a memoized view keyed by its <c>id</c> argument.</summary>
public sealed class MemoizedPageModel(ViewCounter counter) : PageModel
{
    public string Number { get; private set; } = string.Empty;

    [Memoize(2)]
    public void OnGet(int id) => Number = id + ":" + counter.Next();
}
