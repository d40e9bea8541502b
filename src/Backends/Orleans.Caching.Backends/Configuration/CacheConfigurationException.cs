namespace Orleans.Caching;

/// <summary>The <c>Caching</c> configuration is invalid: an unknown backend name, a value that does not parse, a serializer that
/// cannot be built. The message names the key (with its Flask-Caching alias) and the offending value.</summary>
public sealed class CacheConfigurationException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="CacheConfigurationException"/> class.</summary>
    public CacheConfigurationException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheConfigurationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    public CacheConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheConfigurationException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CacheConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CacheConfigurationException"/> class for one key.</summary>
    /// <param name="key">The full configuration key, such as <c>Caching:Threshold</c>.</param>
    /// <param name="message">What is wrong; should name the key and the value.</param>
    /// <param name="innerException">The underlying failure.</param>
    public CacheConfigurationException(string key, string message, Exception? innerException)
        : base(message, innerException)
    {
        Key = key;
    }

    /// <summary>Gets the full configuration key at fault, such as <c>Caching:Threshold</c>, when one key is.</summary>
    public string? Key { get; }
}
