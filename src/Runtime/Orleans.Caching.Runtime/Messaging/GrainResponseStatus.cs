namespace Orleans.Caching.Runtime;

/// <summary>The first byte of a response body.</summary>
public enum GrainResponseStatus : byte
{
    /// <summary>The call ran; the method id and the result follow.</summary>
    Success = 0,

    /// <summary>The runtime refused or failed to deliver the call; a <see cref="RejectionReason"/> and a message follow.</summary>
    Rejected = 1,

    /// <summary>The grain threw; the exception's type name and message follow.</summary>
    ApplicationError = 2,
}
