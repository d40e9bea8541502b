namespace Orleans.Caching.Runtime;

/// <summary>
/// The initiator nonces a silo has seen recently, shared by all its connections: a handshake whose nonce was seen before is
/// refused as a replay. Bounded: the oldest nonces are forgotten first (a 32-byte random nonce repeats only when replayed).
/// </summary>
public sealed class HandshakeReplayCache
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    /// <summary>Initializes a new instance of the <see cref="HandshakeReplayCache"/> class.</summary>
    /// <param name="capacity">How many nonces to remember.</param>
    public HandshakeReplayCache(int capacity = 65536)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Records a nonce.</summary>
    /// <param name="nonce">The nonce.</param>
    /// <returns><see langword="true"/> if it is new; <see langword="false"/> if it was seen before.</returns>
    public bool TryAdd(ReadOnlySpan<byte> nonce)
    {
        string key = Convert.ToBase64String(nonce);
        lock (_lock)
        {
            if (!_seen.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > _capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
