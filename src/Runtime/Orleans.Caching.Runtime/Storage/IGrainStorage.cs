namespace Orleans.Caching.Runtime;

/// <summary>
/// Where grains persist their state, with optimistic concurrency: every write and clear names the ETag the caller last saw
/// (<see langword="null"/>: "there must be no record") and fails with <see cref="InconsistentStateException"/> if storage
/// holds another version; the runtime then deactivates the activation so the next call reloads fresh state.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads a grain's state.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see cref="GrainStateRecord.None"/>.</returns>
    ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Writes a grain's state if storage still holds <paramref name="expectedETag"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="value">The value bytes.</param>
    /// <param name="expiresAt">When the value expires; the backend receives the same time-to-live. <see langword="null"/> never expires.</param>
    /// <param name="expectedETag">The ETag last read or written, or <see langword="null"/> if there was no record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new ETag.</returns>
    /// <exception cref="InconsistentStateException">Storage holds another version.</exception>
    ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Removes a grain's state if storage still holds <paramref name="expectedETag"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="expectedETag">The ETag last read or written.</param>
    /// <param name="cancellationToken">Cancels the clear.</param>
    /// <returns>A task that completes when the state is gone.</returns>
    /// <exception cref="InconsistentStateException">Storage holds another version.</exception>
    ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken);
}
