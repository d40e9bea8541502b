namespace Orleans.Caching;

/// <summary>
/// Gives an object a stable identity for memoize keys (Flask-Caching's <c>__caching_id__</c>). When a memoized method's
/// instance, or an object passed as an argument, implements it, <see cref="CachingId"/> is used instead of
/// <see cref="object.ToString"/> or the per-object identity.
/// </summary>
/// <remarks>
/// Return something that identifies the object's cached results, such as a primary key: two instances with the same
/// caching id share cache entries and a per-instance version (so <c>DeleteMemoizedAsync</c> on one resets both).
/// </remarks>
public interface ICachingId
{
    /// <summary>Gets the identity used in memoize keys and per-instance version keys.</summary>
    string CachingId { get; }
}
