namespace Orleans.Caching;

/// <summary>A fresh result of a <c>cached</c> function, prepared by <see cref="CachedResultAdapter"/>.</summary>
/// <param name="Stored">The value to store.</param>
/// <param name="Returned">The value to hand to the caller.</param>
/// <param name="Filtered">The value <see cref="CachedOptions.ResponseFilter"/> is given.</param>
/// <param name="ResponseTimeout">The <see cref="CachedResponse"/>'s own timeout when truthy, else <see langword="null"/>.</param>
internal readonly record struct CachedFreshResult(object? Stored, object? Returned, object? Filtered, CacheTimeout? ResponseTimeout);
