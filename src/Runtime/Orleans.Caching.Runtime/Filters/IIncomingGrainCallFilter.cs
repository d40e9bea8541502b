namespace Orleans.Caching.Runtime;

/// <summary>Wraps every call a silo runs, inside the activation's turn. Registered with DI; run in registration order.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles a call: usually does something, then <c>await context.InvokeAsync()</c>.</summary>
    /// <param name="context">The call.</param>
    /// <returns>A task that completes when the call is handled.</returns>
    ValueTask InvokeAsync(IGrainCallContext context);
}
