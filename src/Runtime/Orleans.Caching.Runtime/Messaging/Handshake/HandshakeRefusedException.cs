namespace Orleans.Caching.Runtime;

/// <summary>A handshake was refused by either side: wrong protocol version, wrong cluster, or a missing or wrong secret.</summary>
public sealed class HandshakeRefusedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HandshakeRefusedException"/> class.</summary>
    public HandshakeRefusedException()
        : this(HandshakeRefusalReason.AuthenticationFailed, "The handshake was refused.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HandshakeRefusedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    public HandshakeRefusedException(string message)
        : this(HandshakeRefusalReason.AuthenticationFailed, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HandshakeRefusedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public HandshakeRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = HandshakeRefusalReason.AuthenticationFailed;
    }

    /// <summary>Initializes a new instance of the <see cref="HandshakeRefusedException"/> class.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="message">What happened.</param>
    public HandshakeRefusedException(HandshakeRefusalReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Gets why the handshake was refused.</summary>
    public HandshakeRefusalReason Reason { get; }
}
