namespace Orleans.Caching.Runtime;

/// <summary>Closes what lies under a connection's pipes (a socket, a TLS stream), when the connection owns it.</summary>
internal interface ITransportControl
{
    /// <summary>Closes at once; pending reads and writes fail.</summary>
    void Abort();

    /// <summary>Sends what the output pipe still holds (its writer is complete), then closes.</summary>
    /// <param name="timeout">How long sending may take before the transport is aborted.</param>
    /// <returns>A task that completes when closed.</returns>
    ValueTask CloseAsync(TimeSpan timeout);
}
