using System.Diagnostics;
using System.Numerics;

namespace Orleans.Caching.Benchmarks;

/// <summary>
/// A log-linear histogram of <see cref="Stopwatch"/> tick counts: 32 linear sub-buckets per power of two (about 3 % resolution),
/// fixed size, so recording is an increment. Not thread-safe: one per worker, merged with <see cref="Add"/>.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;
    private readonly long[] _counts = new long[(64 - SubBucketBits + 1) * SubBuckets];
    private long _total;

    public void Record(long ticks)
    {
        _counts[Index(Math.Max(ticks, 0))]++;
        _total++;
    }

    public void Add(LatencyHistogram other)
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        _total += other._total;
    }

    /// <summary>The latency under which <paramref name="p"/> of the samples fall (a bucket's midpoint), in microseconds.</summary>
    public double PercentileMicroseconds(double p)
    {
        if (_total == 0)
        {
            return 0;
        }

        long rank = (long)Math.Ceiling(p * _total);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Midpoint(i) * 1_000_000.0 / Stopwatch.Frequency;
            }
        }

        return Midpoint(_counts.Length - 1) * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static int Index(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        // value >> shift lies in [SubBuckets, 2 * SubBuckets): the top SubBucketBits + 1 bits.
        int shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        return ((shift + 1) * SubBuckets) + (int)(value >> shift) - SubBuckets;
    }

    private static double Midpoint(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        int shift = (index / SubBuckets) - 1;
        long low = (long)((index % SubBuckets) + SubBuckets) << shift;
        return low + ((1L << shift) / 2.0);
    }
}
