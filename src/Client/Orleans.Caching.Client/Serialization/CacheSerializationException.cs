namespace Orleans.Caching;

/// <summary>Raised when a value cannot be serialized or stored bytes cannot be read as the requested type.</summary>
public sealed class CacheSerializationException : CacheException
{
    /// <summary>Initializes a new instance of the <see cref="CacheSerializationException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The serializer's error.</param>
    public CacheSerializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
