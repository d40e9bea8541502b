namespace Orleans.Caching.Runtime;

/// <summary>When a grain's writes reach storage.</summary>
public enum PersistenceMode
{
    /// <summary>Acknowledge a write after storage has it (the default). A storage failure fails the call.</summary>
    WriteThrough,

    /// <summary>Acknowledge a write after memory has it; a background flusher batches writes to storage, retries failures,
    /// and flushes everything on a graceful stop. A process crash loses at most the writes of the last flush interval.</summary>
    WriteBehind,

    /// <summary>Memory only: nothing is read from or written to storage.</summary>
    None,
}
