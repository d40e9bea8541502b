namespace Orleans.Caching;

/// <summary>The base of every error Orleans.Caching raises for a cache operation that could not be carried out.</summary>
public class CacheException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CacheException"/> class.</summary>
    public CacheException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    public CacheException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CacheException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
