using Orleans.Caching.Runtime;

namespace Orleans.Caching.Grains.Tests.Hosting;

/// <summary>Wraps a real grain storage and fails its writes and clears on demand (the storage is down), passing everything else through.</summary>
public sealed class ChaosGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public bool FailWrites { get; set; }

    public int FailedCalls { get; private set; }

    public int Writes { get; private set; }

    public ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken) => inner.ReadAsync(grainId, cancellationToken);

    public ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Writes++;
        return inner.WriteAsync(grainId, value, expiresAt, expectedETag, cancellationToken);
    }

    public ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.ClearAsync(grainId, expectedETag, cancellationToken);
    }

    private void ThrowIfFailing()
    {
        if (FailWrites)
        {
            FailedCalls++;
            throw new IOException("Chaos: the storage is unavailable.");
        }
    }
}
