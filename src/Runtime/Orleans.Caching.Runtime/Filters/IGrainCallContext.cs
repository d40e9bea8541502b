namespace Orleans.Caching.Runtime;

/// <summary>A grain call as a filter sees it. A filter may short-circuit by setting <see cref="Result"/> without calling <see cref="InvokeAsync"/>.</summary>
public interface IGrainCallContext
{
    /// <summary>Gets the target grain.</summary>
    GrainId TargetId { get; }

    /// <summary>Gets the call.</summary>
    GrainRequest Request { get; }

    /// <summary>Gets or sets the result (boxed). Set by the rest of the chain, or by a filter that answers the call itself.</summary>
    object? Result { get; set; }

    /// <summary>Gets the call's cancellation token.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Runs the rest of the chain (the next filter, or the call itself) and stores its result in <see cref="Result"/>.</summary>
    /// <returns>A task that completes when the rest of the chain has run.</returns>
    ValueTask InvokeAsync();
}
