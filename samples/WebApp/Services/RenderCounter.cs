namespace Orleans.Caching.Samples.WebApp.Services;

/// <summary>Numbers every render of a page or computation, so a cached response is visible: it keeps the number of the render it came from.</summary>
public sealed class RenderCounter
{
    private long _last;

    /// <summary>Returns the next render number.</summary>
    public long Next() => Interlocked.Increment(ref _last);
}
