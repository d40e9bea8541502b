using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo;

/// <summary>
/// Settings of a silo's grain runtime (the <c>Caching:Silo</c> section): idle collection, the memory budget, per-activation
/// queue limits, call timeouts, persistence and request size limits. Validated by <see cref="SiloOptionsValidator"/>.
/// </summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching:Silo";

    /// <summary>Gets or sets how long an activation may stay idle before it is collected.</summary>
    /// <value>15 minutes. Must be greater than <see cref="CollectionQuantum"/>.</value>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the period of the idle collector; due times are rounded up to it.</summary>
    /// <value>1 minute.</value>
    /// <remarks>An idle activation is collected between <see cref="CollectionAge"/> and <see cref="CollectionAge"/> plus two quanta after its last request.</remarks>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the memory budget of the silo's activations, in bytes; 0 means unlimited.</summary>
    /// <value>0 (unlimited).</value>
    /// <remarks>
    /// Usage is an estimate: a fixed overhead per activation plus each grain's <see cref="Grain.EstimatedSize"/>. Over budget,
    /// the least recently used idle activations are deactivated (their state is persisted, so eviction loses nothing but warmth).
    /// </remarks>
    public long MaxMemoryBytes { get; set; }

    /// <summary>Gets or sets how many requests may wait for one activation; further calls fail with <see cref="GrainOverloadedException"/>.</summary>
    /// <value>1,000.</value>
    public int MaxQueuedRequestsPerActivation { get; set; } = 1_000;

    /// <summary>Gets or sets how long a caller waits for a grain's response before <see cref="GrainCallTimeoutException"/>.</summary>
    /// <value>30 seconds. <see cref="Timeout.InfiniteTimeSpan"/> disables the timeout.</value>
    /// <remarks>A timed-out call may still run; the caller just stops waiting.</remarks>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets when grain writes reach storage.</summary>
    /// <value><see cref="PersistenceMode.WriteThrough"/>.</value>
    public PersistenceMode Persistence { get; set; } = PersistenceMode.WriteThrough;

    /// <summary>Gets or sets how often the write-behind flusher writes pending state (with <see cref="PersistenceMode.WriteBehind"/>).</summary>
    /// <value>1 second: a crash loses at most about this much acknowledged data.</value>
    public TimeSpan WriteBehindFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest value a grain accepts, in bytes.</summary>
    /// <value>16 MiB.</value>
    public int MaxValueBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets the longest key a grain accepts, in UTF-8 bytes.</summary>
    /// <value>8 KiB.</value>
    public int MaxKeyBytes { get; set; } = 8 * 1024;
}
