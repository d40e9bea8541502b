namespace Orleans.Caching.Runtime;

/// <summary>Why the runtime refused or failed to deliver a call.</summary>
public enum RejectionReason
{
    /// <summary>The activation's queue is full; retry later.</summary>
    Overloaded,

    /// <summary>No response arrived before the call's deadline; the call may or may not have run.</summary>
    Timeout,

    /// <summary>The silo is stopping or unreachable; the call did not run.</summary>
    Unavailable,

    /// <summary>The silo does not own the grain under the current membership (clients refresh their view and retry).</summary>
    NotOwner,

    /// <summary>The activation failed to start (its state could not be read).</summary>
    ActivationFailed,

    /// <summary>The request or its arguments were invalid (too large, malformed).</summary>
    BadRequest,
}
