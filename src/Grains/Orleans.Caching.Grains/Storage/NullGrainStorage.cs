using System.Globalization;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains;

/// <summary>
/// The storage of <see cref="PersistenceMode.None"/>: reads find nothing, writes and clears succeed without storing anything
/// (each write returns a fresh ETag). Grain state lives in memory only and is lost when the activation ends.
/// </summary>
public sealed class NullGrainStorage : IGrainStorage
{
    private long _lastETag;

    /// <summary>Gets a shared instance.</summary>
    public static NullGrainStorage Instance { get; } = new();

    /// <inheritdoc/>
    public ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken) => ValueTask.FromResult(GrainStateRecord.None);

    /// <inheritdoc/>
    public ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
        => ValueTask.FromResult(Interlocked.Increment(ref _lastETag).ToString("x", CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
