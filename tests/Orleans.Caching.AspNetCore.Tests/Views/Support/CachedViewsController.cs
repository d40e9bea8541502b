using Microsoft.AspNetCore.Mvc;

namespace Orleans.Caching.AspNetCore.Tests.Views.Support;

/// <summary>The controller views of test_view.py.</summary>
public sealed class CachedViewsController(ViewCounter counter, ViewToggles toggles) : ControllerBase
{
    [HttpGet("/mvc/cached")]
    [Cached(2)]
    public IActionResult Get() => Content(counter.Next());

    [HttpGet("/mvc/async")]
    [Cached(2)]
    public async Task<IActionResult> GetAsync()
    {
        await Task.Yield();
        return Content(counter.Next());
    }

    [HttpGet("/mvc/unless-true")]
    [Cached(Policy = "unless-true")]
    public IActionResult UnlessTrue() => Content(counter.Next());

    [HttpGet("/mvc/unless-false")]
    [Cached(Policy = "unless-false")]
    public IActionResult UnlessFalse() => Content(counter.Next());

    [HttpGet("/mvc/status/{code:int}")]
    [Cached]
    public IActionResult Status(int code) => new ContentResult { StatusCode = code, Content = counter.Next() };

    [HttpGet("/mvc/all-statuses/{code:int}")]
    [Cached(Policy = "all-statuses")]
    public IActionResult AllStatuses(int code) => new ContentResult { StatusCode = code, Content = counter.Next() };

    [HttpGet("/mvc/forced")]
    [Cached(Policy = "forced")]
    public IActionResult Forced() => Content(counter.Next());

    [HttpGet("/mvc/stale")]
    [Cached(Policy = "stale")]
    public IActionResult Stale() => Content(counter.Next());

    [HttpGet("/cake/{flavor}")]
    [Cached]
    public IActionResult Cake(string flavor) => Content(flavor + counter.Next());

    [HttpGet("/pie/{flavor}")]
    [Cached]
    public IActionResult Pie(string flavor) => Content(flavor + counter.Next());

    [HttpGet("/mvc/by-foo")]
    [Cached(Policy = "by-foo")]
    public IActionResult ByFoo() => Content(counter.Next());

    [HttpGet("/mvc/timeout-one")]
    [Cached(2)]
    public IActionResult TimeoutOne() => Content(counter.Next());

    [HttpGet("/mvc/timeout-two")]
    [Cached(4)]
    public IActionResult TimeoutTwo() => Content(counter.Next());

    [HttpGet("/mvc/response-timeout")]
    [Cached(1)]
    public IActionResult ResponseTimeout() => new CachedViewResult(Content(counter.Next()), 2);

    [HttpGet("/works")]
    [Cached(QueryString = true)]
    public IActionResult Works() => Content(counter.Next());

    [HttpGet("/mvc/hit")]
    [Cached(2, ResponseHitIndication = true)]
    public IActionResult Hit() => Content(counter.Next());

    [HttpGet("/mvc/no-hit")]
    [Cached(2)]
    public IActionResult NoHit() => Content(counter.Next());

    [HttpGet("/user/{name}")]
    [Cached]
    public IActionResult UserView(string name) => Content(name + counter.Next());

    [HttpGet("/mvc/throws")]
    [Cached]
    public IActionResult Throws() => toggles.Throw ? throw new InvalidOperationException("The view failed.") : Content(counter.Next());

    [HttpGet("/mvc/large")]
    [Cached(MaximumBodySize = 10)]
    public IActionResult Large() => Content(new string('x', 100) + counter.Next());

    [HttpGet("/mvc/json")]
    [Cached]
    public IActionResult Json() => Ok(new { n = counter.Next() });

    [HttpGet("/mvc/prefix")]
    [Cached(KeyPrefix = "fixed-key")]
    public IActionResult Prefix() => Content(counter.Next());

    [HttpGet("/mvc/callable-prefix")]
    [Cached(Policy = "callable-prefix")]
    public IActionResult CallablePrefix() => Content(counter.Next());

    [HttpGet("/mvc/plain")]
    public IActionResult Plain() => Content(counter.Next());
}
