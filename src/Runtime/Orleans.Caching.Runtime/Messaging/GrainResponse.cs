namespace Orleans.Caching.Runtime;

/// <summary>A decoded response body: a result, a rejection, or the grain's exception.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
public readonly struct GrainResponse<TResult>
{
    private GrainResponse(GrainResponseStatus status, TResult result, RejectionReason reason, string? exceptionType, string? message)
    {
        Status = status;
        Result = result;
        RejectionReason = reason;
        ExceptionType = exceptionType;
        Message = message;
    }

    /// <summary>Gets what kind of response it is.</summary>
    public GrainResponseStatus Status { get; }

    /// <summary>Gets the result when <see cref="Status"/> is <see cref="GrainResponseStatus.Success"/>.</summary>
    public TResult Result { get; }

    /// <summary>Gets why the call was rejected when <see cref="Status"/> is <see cref="GrainResponseStatus.Rejected"/>.</summary>
    public RejectionReason RejectionReason { get; }

    /// <summary>Gets the full name of the grain's exception type when <see cref="Status"/> is <see cref="GrainResponseStatus.ApplicationError"/>.</summary>
    public string? ExceptionType { get; }

    /// <summary>Gets the rejection or exception message.</summary>
    public string? Message { get; }

    /// <summary>A successful response.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The response.</returns>
    public static GrainResponse<TResult> Success(TResult result) => new(GrainResponseStatus.Success, result, default, null, null);

    /// <summary>A rejection.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="message">What happened.</param>
    /// <returns>The response.</returns>
    public static GrainResponse<TResult> Rejected(RejectionReason reason, string message) => new(GrainResponseStatus.Rejected, default!, reason, null, message);

    /// <summary>The grain's exception.</summary>
    /// <param name="exceptionType">The exception type's full name.</param>
    /// <param name="message">The exception message.</param>
    /// <returns>The response.</returns>
    public static GrainResponse<TResult> ApplicationError(string exceptionType, string message) => new(GrainResponseStatus.ApplicationError, default!, default, exceptionType, message);

    /// <summary>Returns the result, or throws what the call produced: <see cref="GrainCallRejectedException"/> for a rejection;
    /// for a grain exception, the same type when it is a common framework exception (such as <see cref="InvalidOperationException"/>),
    /// otherwise <see cref="RemoteGrainException"/>.</summary>
    /// <returns>The result.</returns>
    public TResult GetResultOrThrow() => Status switch
    {
        GrainResponseStatus.Success => Result,
        GrainResponseStatus.Rejected => throw new GrainCallRejectedException(RejectionReason, Message ?? string.Empty),
        _ => throw RemoteExceptions.Recreate(ExceptionType ?? "Exception", Message ?? string.Empty),
    };
}
