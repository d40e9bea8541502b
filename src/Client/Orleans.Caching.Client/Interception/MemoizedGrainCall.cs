using Orleans.Caching.Runtime;

namespace Orleans.Caching;

/// <summary>
/// The instance a memoized grain call is keyed on (<c>self</c>), as <see cref="CacheInvocation.Instance"/> shows it to policy callbacks
/// (<see cref="MemoizeOptions.Unless"/>, <see cref="MemoizeOptions.ForcedUpdate"/>): the target grain and the request. Its identity token
/// is the grain id (<c>type/key</c>), the same as the grain reference's, so <c>DeleteMemoizedAsync(grain.Method)</c> resets that grain only.
/// </summary>
public sealed class MemoizedGrainCall : ICachingId
{
    private readonly IGrainCallContext _context;

    internal MemoizedGrainCall(IGrainCallContext context)
    {
        _context = context;
    }

    /// <summary>Gets the target grain.</summary>
    public GrainId GrainId => _context.TargetId;

    /// <summary>Gets the request.</summary>
    public GrainRequest Request => _context.Request;

    /// <inheritdoc/>
    public string CachingId => _context.TargetId.ToString();

    /// <inheritdoc/>
    public override string ToString() => CachingId;

    /// <summary>Runs the rest of the filter chain (the grain call) and returns its result.</summary>
    /// <returns>The result, boxed.</returns>
    internal async ValueTask<object?> ProceedAsync()
    {
        await _context.InvokeAsync().ConfigureAwait(false);
        return _context.Result;
    }
}
