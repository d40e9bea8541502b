namespace Orleans.Caching;

/// <summary>
/// Sends a <see cref="GrainCache"/>'s multi-key operations as batches (the <c>Cluster</c> mode: one frame per owner silo) instead of one
/// grain call per key. Keys are full keys (prefix applied).
/// </summary>
internal interface IGrainBatchInvoker
{
    /// <summary>Reads several keys.</summary>
    /// <param name="keys">The full keys.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The values in key order.</returns>
    ValueTask<IReadOnlyList<byte[]?>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes several keys.</summary>
    /// <param name="items">The full keys and values.</param>
    /// <param name="timeToLive">The time-to-live; <see langword="null"/> never expires.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Whether each write succeeded, in item order.</returns>
    ValueTask<IReadOnlyList<bool>> SetManyAsync(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> items, TimeSpan? timeToLive, CancellationToken cancellationToken);

    /// <summary>Deletes several keys.</summary>
    /// <param name="keys">The full keys.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Whether each key held a value, in key order.</returns>
    ValueTask<IReadOnlyList<bool>> DeleteManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
