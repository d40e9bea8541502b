namespace Orleans.Caching.Runtime;

/// <summary>
/// The connection a call was sent on closed before its reply arrived (<see cref="RejectionReason.Unavailable"/>): the peer went away,
/// broke the protocol, or did not read its input. A request may or may not have run; only idempotent requests are retried.
/// </summary>
public sealed class ConnectionClosedException : GrainCallRejectedException
{
    /// <summary>Initializes a new instance of the <see cref="ConnectionClosedException"/> class.</summary>
    public ConnectionClosedException()
        : this("The connection closed before the reply arrived.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectionClosedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    public ConnectionClosedException(string message)
        : base(RejectionReason.Unavailable, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ConnectionClosedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ConnectionClosedException(string message, Exception? innerException)
        : base(RejectionReason.Unavailable, message, innerException)
    {
    }
}
