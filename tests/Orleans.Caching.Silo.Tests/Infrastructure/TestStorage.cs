using System.Collections.Concurrent;
using System.Text;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Silo.Tests.Infrastructure;

/// <summary>An in-memory <see cref="IGrainStorage"/> whose reads can be held at a gate.</summary>
public sealed class TestStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, GrainStateRecord> _records = new();
    private int _reads;

    public TestGate? ReadGate { get; set; }

    public int Reads => Volatile.Read(ref _reads);

    public void Put(GrainId grainId, string value) => _records[grainId] = new GrainStateRecord(Encoding.UTF8.GetBytes(value), null, "1");

    public async ValueTask<GrainStateRecord> ReadAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        if (ReadGate is { } gate)
        {
            await gate.PassAsync(cancellationToken);
        }

        return _records.TryGetValue(grainId, out var record) ? record : GrainStateRecord.None;
    }

    public ValueTask<string> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> value, DateTimeOffset? expiresAt, string? expectedETag, CancellationToken cancellationToken)
    {
        string etag = Guid.NewGuid().ToString("N");
        _records[grainId] = new GrainStateRecord(value.ToArray(), expiresAt, etag);
        return ValueTask.FromResult(etag);
    }

    public ValueTask ClearAsync(GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        _records.TryRemove(grainId, out _);
        return ValueTask.CompletedTask;
    }
}
