namespace Orleans.Caching;

/// <summary>A typed <see cref="CachedResponse"/>: a result of type <typeparamref name="T"/> with its own time-to-live.</summary>
/// <typeparam name="T">The type of the result; stored and read back as this type.</typeparam>
public sealed class CachedResponse<T> : CachedResponse
{
    /// <summary>Initializes a new instance of the <see cref="CachedResponse{T}"/> class.</summary>
    /// <param name="value">The result to cache and return.</param>
    /// <param name="timeout">The entry's time-to-live; <see langword="null"/> or 0 defer to the function's timeout.</param>
    public CachedResponse(T value, CacheTimeout? timeout = null)
        : base(value, timeout)
    {
        Value = value;
    }

    /// <summary>Gets the result.</summary>
    public new T Value { get; }
}
