using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Caching.Runtime;

namespace Orleans.Caching.Cluster.Tests.Acceptance.Faults;

/// <summary>
/// One client writing its own key range continuously: each write's value is a fresh sequence number; it records, per key, the last value
/// acknowledged and every value attempted, and keeps each failure's exception (typed rejections are expected while a silo's death is detected).
/// </summary>
internal sealed class ConcurrentWriter : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ICacheBackend _cache;
    private readonly long[] _lastAcknowledged;
    private readonly List<long>[] _attempted;
    private long _acknowledged;

    public ConcurrentWriter(ServiceProvider services, int index, int keyCount)
    {
        _services = services;
        _cache = services.GetRequiredService<Cache>().Backend;
        Index = index;
        Keys = Enumerable.Range(0, keyCount).Select(k => $"writer{index}:key{k}").ToArray();
        _lastAcknowledged = Enumerable.Repeat(-1L, keyCount).ToArray();
        _attempted = Enumerable.Range(0, keyCount).Select(_ => new List<long>()).ToArray();
    }

    public int Index { get; }

    public string[] Keys { get; }

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public ConcurrentQueue<Exception> Failures { get; } = new();

    public async Task RunAsync(CancellationToken stop)
    {
        for (long sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            int key = (int)(sequence % Keys.Length);
            lock (_attempted[key])
            {
                _attempted[key].Add(sequence);
            }

            try
            {
                if (await _cache.SetAsync(Keys[key], Encode(sequence), CacheTimeout.Never, CancellationToken.None))
                {
                    Volatile.Write(ref _lastAcknowledged[key], sequence);
                    Interlocked.Increment(ref _acknowledged);
                }
            }
            catch (Exception ex)
            {
                Failures.Enqueue(ex);
            }
        }
    }

    /// <summary>Checks a value read back: the last acknowledged one, or one attempted after it (a write whose acknowledgement was lost).</summary>
    public string? Check(int key, byte[]? value)
    {
        long acknowledged = Volatile.Read(ref _lastAcknowledged[key]);
        if (acknowledged < 0)
        {
            return null;
        }

        long? read = value is null ? null : long.Parse(Encoding.UTF8.GetString(value), CultureInfo.InvariantCulture);
        bool laterAttempt;
        lock (_attempted[key])
        {
            laterAttempt = read is { } v && v > acknowledged && _attempted[key].Contains(v);
        }

        return read == acknowledged || laterAttempt
            ? null
            : $"{Keys[key]}: read {read?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}, last acknowledged {acknowledged}";
    }

    public bool WasAcknowledged(int key) => Volatile.Read(ref _lastAcknowledged[key]) >= 0;

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static byte[] Encode(long sequence) => Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture));

    /// <summary>Tells whether a failure is one the cluster promises during the detection window: a typed rejection.</summary>
    public static bool IsTypedRejection(Exception ex) => ex is GrainCallRejectedException;
}
