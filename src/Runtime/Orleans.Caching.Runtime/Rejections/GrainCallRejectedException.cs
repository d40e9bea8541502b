namespace Orleans.Caching.Runtime;

/// <summary>The runtime refused or failed to deliver a grain call; <see cref="Reason"/> says why. The grain's own exceptions are never wrapped in this type.</summary>
public class GrainCallRejectedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GrainCallRejectedException"/> class.</summary>
    public GrainCallRejectedException()
        : this(RejectionReason.Unavailable, "The grain call was rejected.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GrainCallRejectedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    public GrainCallRejectedException(string message)
        : this(RejectionReason.Unavailable, message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GrainCallRejectedException"/> class.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public GrainCallRejectedException(string message, Exception? innerException)
        : this(RejectionReason.Unavailable, message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GrainCallRejectedException"/> class.</summary>
    /// <param name="reason">Why the call was rejected.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GrainCallRejectedException(RejectionReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Gets why the call was rejected.</summary>
    public RejectionReason Reason { get; }
}
