using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Orleans.Caching.AspNetCore;

/// <summary>
/// The global MVC resource filter behind <c>[Cached]</c> on controller actions and Razor Pages handler methods. It wraps model
/// binding, the action and the result, so the whole response is captured; a hit short-circuits all of them.
/// </summary>
internal sealed class CachedViewFilter : IAsyncResourceFilter
{
    private readonly CachedViews _views;

    /// <summary>Initializes a new instance of the <see cref="CachedViewFilter"/> class.</summary>
    /// <param name="views">The views.</param>
    public CachedViewFilter(CachedViews views)
    {
        _views = views;
    }

    /// <inheritdoc/>
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        MethodInfo? method = FindMethod(context);
        if (method is null || _views.ForMethod(method) is not { } view)
        {
            await next().ConfigureAwait(false);
            return;
        }

        bool ran = await view.InvokeAsync(context.HttpContext, async () =>
        {
            ResourceExecutedContext executed = await next().ConfigureAwait(false);
            return executed.Exception is null || executed.ExceptionHandled;
        }).ConfigureAwait(false);
        if (!ran)
        {
            context.Result = new EmptyResult();
        }
    }

    private static MethodInfo? FindMethod(ResourceExecutingContext context)
    {
        switch (context.ActionDescriptor)
        {
            case ControllerActionDescriptor action:
                return action.MethodInfo;
            case CompiledPageActionDescriptor page:
                string method = context.HttpContext.Request.Method;
                string handler = context.RouteData.Values["handler"]?.ToString() ?? context.HttpContext.Request.Query["handler"].ToString();
                foreach (Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.HandlerMethodDescriptor candidate in page.HandlerMethods)
                {
                    if (string.Equals(candidate.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(candidate.Name ?? string.Empty, handler, StringComparison.OrdinalIgnoreCase))
                    {
                        return candidate.MethodInfo;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
