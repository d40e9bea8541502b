namespace Orleans.Caching.Runtime;

/// <summary>A write or clear found another version in storage than the one the activation last saw. The runtime deactivates the activation.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="InconsistentStateException"/> class.</summary>
    public InconsistentStateException()
        : this("Storage holds another version of the grain's state.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InconsistentStateException"/> class.</summary>
    /// <param name="message">What happened.</param>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InconsistentStateException"/> class.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public InconsistentStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InconsistentStateException"/> class.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="expectedETag">The ETag the activation expected.</param>
    /// <param name="storedETag">The ETag storage holds.</param>
    public InconsistentStateException(GrainId grainId, string? expectedETag, string? storedETag)
        : base($"The state of grain {grainId} changed underneath it: expected ETag '{expectedETag ?? "(none)"}', storage holds '{storedETag ?? "(none)"}'.")
    {
        ExpectedETag = expectedETag;
        StoredETag = storedETag;
    }

    /// <summary>Gets the ETag the activation expected.</summary>
    public string? ExpectedETag { get; }

    /// <summary>Gets the ETag storage holds.</summary>
    public string? StoredETag { get; }
}
