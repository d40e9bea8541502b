namespace Orleans.Caching.Runtime;

/// <summary>Where a handshake stands after a step.</summary>
public enum HandshakeStatus
{
    /// <summary>Waiting for the other side's next message (any message produced by the step is to be sent).</summary>
    InProgress,

    /// <summary>Done: the connection may carry frames.</summary>
    Accepted,

    /// <summary>Refused (any message produced by the step is to be sent); close the connection.</summary>
    Refused,
}
