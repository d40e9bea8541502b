namespace Orleans.Caching.Silo;

/// <summary>
/// Activations bucketed by due time (a multiple of the collection quantum). Placement is lazy: a request only stamps the
/// activation's last use, and the wheel moves it to a later bucket when its old bucket comes up. Not thread-safe: the
/// <see cref="ActivationCollector"/> locks around it.
/// </summary>
internal sealed class CollectionWheel
{
    private readonly SortedSet<long> _dueTimes = [];
    private readonly Dictionary<long, List<ActivationData>> _buckets = [];
    private readonly long _ageTicks;
    private readonly long _quantumTicks;

    public CollectionWheel(TimeSpan collectionAge, TimeSpan collectionQuantum)
    {
        _ageTicks = collectionAge.Ticks;
        _quantumTicks = collectionQuantum.Ticks;
    }

    /// <summary>Gets the number of buckets.</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>Gets the bucket an activation last used at <paramref name="lastUseTicks"/> belongs in: last use plus the collection age, rounded up to the quantum.</summary>
    /// <param name="lastUseTicks">The last use, UTC ticks.</param>
    /// <returns>The bucket's due time, UTC ticks.</returns>
    public long DueTime(long lastUseTicks)
    {
        long due = lastUseTicks + _ageTicks;
        long remainder = due % _quantumTicks;
        return remainder == 0 ? due : due - remainder + _quantumTicks;
    }

    /// <summary>Puts an activation into the bucket of <paramref name="dueTime"/>.</summary>
    /// <param name="activation">The activation.</param>
    /// <param name="dueTime">The bucket's due time.</param>
    public void Add(ActivationData activation, long dueTime)
    {
        if (!_buckets.TryGetValue(dueTime, out var bucket))
        {
            bucket = [];
            _buckets.Add(dueTime, bucket);
            _dueTimes.Add(dueTime);
        }

        bucket.Add(activation);
    }

    /// <summary>Removes and returns the earliest bucket due at or before <paramref name="limit"/>.</summary>
    /// <param name="limit">The latest due time to take.</param>
    /// <param name="dueTime">The bucket's due time.</param>
    /// <param name="bucket">The bucket's activations.</param>
    /// <returns><see langword="true"/> if a bucket was due.</returns>
    public bool TryTakeFirst(long limit, out long dueTime, out List<ActivationData> bucket)
    {
        if (_dueTimes.Count == 0 || _dueTimes.Min > limit)
        {
            dueTime = 0;
            bucket = null!;
            return false;
        }

        dueTime = _dueTimes.Min;
        _dueTimes.Remove(dueTime);
        _buckets.Remove(dueTime, out bucket!);
        return true;
    }

    /// <summary>
    /// Picks idle activations in least-recently-used order until their estimated sizes cover <paramref name="excess"/>,
    /// removing them from the wheel. Walks buckets from the earliest; activations used since they were placed move to their
    /// true (later) bucket first, so the order is exact: every activation in a bucket was last used before any in later ones.
    /// </summary>
    /// <param name="excess">The bytes to free.</param>
    /// <param name="overheadBytes">The runtime overhead counted per activation.</param>
    /// <param name="victims">Receives the chosen activations and the last use each was chosen at.</param>
    public void TakeLeastRecentlyUsedIdle(long excess, long overheadBytes, List<(ActivationData Activation, long LastUse)> victims)
    {
        var candidates = new List<(ActivationData Activation, long LastUse)>();
        long from = long.MinValue;
        while (excess > 0 && TryGetNextDueTime(from, out long dueTime))
        {
            from = dueTime + 1;
            var bucket = _buckets[dueTime];
            candidates.Clear();
            for (int i = bucket.Count - 1; i >= 0; i--)
            {
                var activation = bucket[i];
                if (activation.State is ActivationState.Deactivating or ActivationState.Invalid)
                {
                    RemoveAt(bucket, i);
                    continue;
                }

                long lastUse = activation.LastUseTicks;
                long trueDueTime = DueTime(lastUse);
                if (trueDueTime > dueTime)
                {
                    RemoveAt(bucket, i);
                    Add(activation, trueDueTime);
                }
                else if (activation.IsIdle)
                {
                    candidates.Add((activation, lastUse));
                }
            }

            candidates.Sort(static (x, y) => x.LastUse.CompareTo(y.LastUse));
            foreach (var candidate in candidates)
            {
                if (excess <= 0)
                {
                    break;
                }

                bucket.Remove(candidate.Activation);
                victims.Add(candidate);
                excess -= overheadBytes + candidate.Activation.EstimatedSize;
            }

            if (bucket.Count == 0)
            {
                _buckets.Remove(dueTime);
                _dueTimes.Remove(dueTime);
            }
        }
    }

    private bool TryGetNextDueTime(long from, out long dueTime)
    {
        foreach (long candidate in _dueTimes.GetViewBetween(from, long.MaxValue))
        {
            dueTime = candidate;
            return true;
        }

        dueTime = 0;
        return false;
    }

    private static void RemoveAt(List<ActivationData> bucket, int index)
    {
        // Order inside a bucket does not matter: swap with the last element and drop it.
        int last = bucket.Count - 1;
        bucket[index] = bucket[last];
        bucket.RemoveAt(last);
    }
}
