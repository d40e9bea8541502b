namespace Orleans.Caching.Silo;

/// <summary>
/// The time-to-live of the network request being delivered on this thread. The frame handler sets it only around the synchronous part of
/// delivering a request (decode → catalog → queue), so a request that has to wait in an activation's queue records its deadline without
/// any per-request timer, cancellation source or clock reading on the fast path: the clock is read only when a request is queued.
/// </summary>
internal static class RequestTimeToLive
{
    [ThreadStatic]
    private static uint s_current;

    /// <summary>Gets or sets the time-to-live in milliseconds of the request being delivered on this thread (0 = none).</summary>
    public static uint Current
    {
        get => s_current;
        set => s_current = value;
    }

    /// <summary>The deadline of a request queued now, as a <see cref="TimeProvider"/> timestamp (0 = none).</summary>
    /// <param name="timeProvider">The silo's clock.</param>
    /// <returns>Now + the current time-to-live, or 0 when the request has none.</returns>
    public static long DeadlineFromNow(TimeProvider timeProvider)
    {
        uint ttl = s_current;
        return ttl == 0 ? 0 : timeProvider.GetTimestamp() + (ttl * timeProvider.TimestampFrequency / 1000);
    }
}
