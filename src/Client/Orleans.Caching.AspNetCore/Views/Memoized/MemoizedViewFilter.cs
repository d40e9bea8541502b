using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The global MVC filter behind <c>[Memoize]</c> on controller actions and Razor Pages handler methods. The key needs the bound
/// arguments, so the call starts in the action (or page handler) stage: a hit short-circuits with the stored response; a miss runs the
/// action and its result under a capture, which the resource stage (around the result's execution) ends, handing the response to the
/// memoize engine to store. Result filters run in both cases, around the action's result or the stored one.
/// </summary>
internal sealed class MemoizedViewFilter : IAsyncResourceFilter, IAsyncActionFilter, IAsyncPageFilter
{
    private readonly MemoizedViews _views;

    /// <summary>Initializes a new instance of the <see cref="MemoizedViewFilter"/> class.</summary>
    /// <param name="views">The memoized views.</param>
    public MemoizedViewFilter(MemoizedViews views)
    {
        _views = views;
    }

    /// <inheritdoc/>
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        bool succeeded = false;
        try
        {
            ResourceExecutedContext executed = await next().ConfigureAwait(false);
            succeeded = executed.Exception is null || executed.ExceptionHandled;
        }
        finally
        {
            IFeatureCollection features = context.HttpContext.Features;
            if (features.Get<MemoizedViewCall>() is { } call)
            {
                features.Set<MemoizedViewCall>(null);
                await call.FinishAsync(succeeded).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.ActionDescriptor is ControllerActionDescriptor action
            && _views.ForMethod(action.MethodInfo) is { } view
            && !HttpMethods.IsHead(context.HttpContext.Request.Method)
            && await StartAsync(view, context.HttpContext, context.ActionArguments).ConfigureAwait(false) is { } stored)
        {
            context.Result = new MemoizedViewHitResult(stored);
            return;
        }

        await next().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod?.MethodInfo is { } method
            && _views.ForMethod(method) is { } view
            && !HttpMethods.IsHead(context.HttpContext.Request.Method)
            && await StartAsync(view, context.HttpContext, context.HandlerArguments).ConfigureAwait(false) is { } stored)
        {
            context.Result = new MemoizedViewHitResult(stored);
            return;
        }

        await next().ConfigureAwait(false);
    }

    private static Task<CachedViewResponse?> StartAsync(MemoizedView view, HttpContext context, IDictionary<string, object?> arguments)
    {
        MemoizedViewCall call = view.Begin(context, arguments);
        context.Features.Set(call);
        return call.StartAsync();
    }
}
