namespace Orleans.Caching.Runtime;

/// <summary>Wraps every call a client or silo sends (metrics, client-side memoization). Registered with DI; run in registration order.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Handles a call: usually does something, then <c>await context.InvokeAsync()</c>.</summary>
    /// <param name="context">The call.</param>
    /// <returns>A task that completes when the call is handled.</returns>
    ValueTask InvokeAsync(IGrainCallContext context);
}
