namespace Orleans.Caching.Grains;

/// <summary>The latest write or clear of one grain that write-behind has acknowledged but not yet flushed.</summary>
internal sealed class PendingGrainWrite
{
    /// <summary>Initializes a new instance of the <see cref="PendingGrainWrite"/> class.</summary>
    /// <param name="value">The value, or <see langword="null"/> for a clear.</param>
    /// <param name="expiresAt">The expiry of the value.</param>
    /// <param name="etag">The synthetic ETag handed to the grain.</param>
    /// <param name="storedETag">The ETag storage is believed to hold, or <see cref="GrainStorageETags.Any"/> if unknown.</param>
    public PendingGrainWrite(byte[]? value, DateTimeOffset? expiresAt, string etag, string? storedETag)
    {
        Value = value;
        ExpiresAt = expiresAt;
        ETag = etag;
        StoredETag = storedETag;
    }

    /// <summary>Gets the value, or <see langword="null"/> for a clear.</summary>
    public byte[]? Value { get; }

    /// <summary>Gets the expiry of the value.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Gets the synthetic ETag handed to the grain.</summary>
    public string ETag { get; }

    /// <summary>Gets or sets the ETag storage is believed to hold (the expected ETag of the flush). Guarded by the storage's lock.</summary>
    public string? StoredETag { get; set; }

    /// <summary>Gets or sets the number of failed flush attempts. Guarded by the storage's lock.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets when the background flush may try again. Guarded by the storage's lock.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
}
