using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Orleans.Caching.Samples.WebApp.Services;

namespace Orleans.Caching.Samples.WebApp.Pages;

/// <summary>Not cached itself: it calls a memoized service method, whose result is cached per city for 60 seconds.</summary>
public sealed class MemoizedModel(IForecastService forecasts, RenderCounter counter, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string City { get; set; } = "Paris";

    public Forecast? Forecast { get; private set; }

    public long Render { get; private set; }

    public DateTimeOffset RenderedAt { get; private set; }

    public async Task OnGetAsync()
    {
        Render = counter.Next();
        RenderedAt = time.GetUtcNow();
        Forecast = await forecasts.GetForecastAsync(City);
    }
}
