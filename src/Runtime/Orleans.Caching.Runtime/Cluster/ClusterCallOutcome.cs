namespace Orleans.Caching.Runtime;

/// <summary>How a <see cref="ClusterCall{TResult}"/> ended.</summary>
internal enum ClusterCallOutcome
{
    /// <summary>Still waiting.</summary>
    Pending,

    /// <summary>A response arrived (a result, a rejection or the grain's exception).</summary>
    Responded,

    /// <summary>The connection failed or the response could not be read.</summary>
    Failed,

    /// <summary>No response before the deadline.</summary>
    TimedOut,

    /// <summary>The caller canceled.</summary>
    Canceled,
}
