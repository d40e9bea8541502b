using Microsoft.AspNetCore.Mvc;
using Orleans.Caching.AspNetCore.Tests.Views.Support;

namespace Orleans.Caching.AspNetCore.Tests.Views.Memoized;

/// <summary>The memoized views of test_view.py (#11) and the memoize options on controller actions.</summary>
public sealed class MemoizedViewsController(ViewCounter counter) : ControllerBase
{
    [HttpGet("/memo/{foo}/{bar}")]
    [Memoize(2)]
    public IActionResult Show(string foo, string bar) => Content(foo + bar + counter.Next());

    [HttpGet("/memo-async/{id:int}")]
    [Memoize(2)]
    public async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return Content(id + ":" + counter.Next());
    }

    [HttpGet("/memo-throws/{id:int}")]
    [Memoize]
    public IActionResult Throws(int id, bool fail)
    {
        string body = id + ":" + counter.Next();
        return fail ? throw new InvalidOperationException("The memoized view failed.") : Content(body);
    }

    [HttpGet("/memo-status/{code:int}")]
    [Memoize]
    public IActionResult Status(int code) => new ContentResult { StatusCode = code, Content = counter.Next() };

    [HttpGet("/memo-all-statuses/{code:int}")]
    [Memoize(Policy = "memo-all-statuses")]
    public IActionResult AllStatuses(int code) => new ContentResult { StatusCode = code, Content = counter.Next() };

    [HttpGet("/memo-json/{id:int}")]
    [Memoize]
    public IActionResult Json(int id) => new JsonResult(new { id, run = counter.Next() });

    [HttpGet("/memo-large")]
    [Memoize]
    public IActionResult Large() => Content(counter.Next().PadLeft(100, 'x'));

    [HttpGet("/memo-unless")]
    [Memoize(Policy = "memo-unless")]
    public IActionResult Unless() => Content(counter.Next());

    [HttpGet("/memo-forced")]
    [Memoize(Policy = "memo-forced")]
    public IActionResult Forced() => Content(counter.Next());

    [HttpGet("/memo-stale")]
    [Memoize(Policy = "memo-stale")]
    public IActionResult Stale() => Content(counter.Next());

    [HttpGet("/memo-ignored/{id:int}")]
    [Memoize(ArgsToIgnore = ["noise"])]
    public IActionResult Ignored(int id, string? noise) => Content(id + (noise ?? "-") + counter.Next());

    [HttpGet("/memo-both")]
    [Memoize]
    [Cached]
    public IActionResult Both() => Content(counter.Next());
}
