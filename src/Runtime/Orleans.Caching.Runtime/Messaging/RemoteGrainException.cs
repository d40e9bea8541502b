namespace Orleans.Caching.Runtime;

/// <summary>A grain on a remote silo threw an exception whose type is not recreated on the client; its type name and message are kept.</summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RemoteGrainException"/> class.</summary>
    public RemoteGrainException()
        : this("Exception", "A remote grain threw an exception.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RemoteGrainException"/> class.</summary>
    /// <param name="message">What happened.</param>
    public RemoteGrainException(string message)
        : this("Exception", message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RemoteGrainException"/> class.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public RemoteGrainException(string message, Exception? innerException)
        : base(message, innerException)
    {
        RemoteExceptionType = "Exception";
    }

    /// <summary>Initializes a new instance of the <see cref="RemoteGrainException"/> class.</summary>
    /// <param name="remoteExceptionType">The full name of the exception type the grain threw.</param>
    /// <param name="message">The exception's message.</param>
    public RemoteGrainException(string remoteExceptionType, string message)
        : base($"{remoteExceptionType}: {message}")
    {
        RemoteExceptionType = remoteExceptionType;
    }

    /// <summary>Gets the full name of the exception type the grain threw.</summary>
    public string RemoteExceptionType { get; }
}
