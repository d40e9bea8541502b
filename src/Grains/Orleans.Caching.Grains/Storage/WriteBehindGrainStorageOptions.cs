namespace Orleans.Caching.Grains;

/// <summary>Options of <see cref="WriteBehindGrainStorage"/> (bound from <c>Caching:Silo:Storage:WriteBehind</c>).</summary>
public sealed class WriteBehindGrainStorageOptions
{
    /// <summary>Gets or sets how often pending writes are flushed; it bounds how many acknowledged writes a crash loses.</summary>
    /// <value>1 second.</value>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many writes go to storage at once.</summary>
    /// <value>256.</value>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Gets or sets the wait before the first retry of a failed write; each further failure doubles it.</summary>
    /// <value>1 second.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between retries of a failed write.</summary>
    /// <value>1 minute.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
