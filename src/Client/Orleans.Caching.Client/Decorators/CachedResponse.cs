namespace Orleans.Caching;

/// <summary>
/// A result with its own time-to-live (Flask-Caching's <c>CachedResponse(response, timeout)</c>). When a <c>cached</c>
/// function returns one, its <see cref="Timeout"/> is used for the entry if it is set and not 0; otherwise the function's
/// <see cref="CachedFunction{TDelegate}.CacheTimeout"/> is.
/// </summary>
/// <remarks>
/// Only <see cref="Value"/> is stored. A hit hands back a new <see cref="CachedResponse"/> (or <see cref="CachedResponse{T}"/>)
/// around the stored value, with no timeout. Declare the function as returning <see cref="CachedResponse{T}"/> so the value
/// is read back as its type argument; a function declared to return the non-generic type gets natural values
/// (see <see cref="ICacheSerializer.Deserialize(ReadOnlySpan{byte}, Type)"/>) on hits.
/// </remarks>
public class CachedResponse
{
    /// <summary>Initializes a new instance of the <see cref="CachedResponse"/> class.</summary>
    /// <param name="value">The result to cache and return.</param>
    /// <param name="timeout">The entry's time-to-live; <see langword="null"/> or 0 defer to the function's timeout.</param>
    public CachedResponse(object? value, CacheTimeout? timeout = null)
    {
        Value = value;
        Timeout = timeout;
    }

    /// <summary>Gets the result.</summary>
    public object? Value { get; }

    /// <summary>Gets the entry's time-to-live; <see langword="null"/> or 0 mean "the function's timeout".</summary>
    public CacheTimeout? Timeout { get; }

    /// <summary>Gets the timeout this response imposes: <see cref="Timeout"/> when set and not 0 (Flask's truthiness), else <see langword="null"/>.</summary>
    public CacheTimeout? EffectiveTimeout => Timeout is { IsNever: false } timeout ? timeout : null;

    /// <summary>Creates a typed response.</summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="value">The result.</param>
    /// <param name="timeout">The entry's time-to-live; <see langword="null"/> or 0 defer to the function's timeout.</param>
    /// <returns>The response.</returns>
    public static CachedResponse<T> Create<T>(T value, CacheTimeout? timeout = null) => new(value, timeout);
}
