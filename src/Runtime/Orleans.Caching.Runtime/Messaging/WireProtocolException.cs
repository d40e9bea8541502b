namespace Orleans.Caching.Runtime;

/// <summary>
/// The peer broke the wire protocol: an oversized or malformed frame, a malformed body, or an unexpected handshake message.
/// The connection it came from can no longer be trusted and is closed; other connections are unaffected.
/// </summary>
public sealed class WireProtocolException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WireProtocolException"/> class.</summary>
    public WireProtocolException()
        : this("The peer broke the wire protocol.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WireProtocolException"/> class.</summary>
    /// <param name="message">What was wrong.</param>
    public WireProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WireProtocolException"/> class.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WireProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
