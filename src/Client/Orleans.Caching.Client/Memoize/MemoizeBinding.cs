namespace Orleans.Caching;

/// <summary>A memoized function as one wrapper sees it: the descriptor, the delegate it calls and the instance it is bound to.</summary>
/// <param name="Descriptor">The memoized function.</param>
/// <param name="Function">The delegate called on a miss.</param>
/// <param name="Instance">The instance the wrapper is bound to (a bound method group's target or <c>Bind</c>), or <see langword="null"/>.</param>
internal sealed record MemoizeBinding(MemoizeDescriptor Descriptor, Delegate Function, object? Instance)
{
    /// <summary>Gets a value indicating whether the function's target supplies the instance (a bound method group).</summary>
    public bool TargetIsInstance => Descriptor.VirtualSelf && Descriptor.ArgumentOffset == 0;
}
