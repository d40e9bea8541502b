using System.Diagnostics;

namespace Orleans.Caching.Benchmarks;

/// <summary>Runs one operation from N concurrent workers for a fixed time and reports throughput and latency percentiles.</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation)
    {
        // Warm up: connections, JIT, activations.
        await RunWorkersAsync(concurrency, TimeSpan.FromMilliseconds(500), operation, record: false).ConfigureAwait(false);
        (long operations, long[] latencies, TimeSpan elapsed) = await RunWorkersAsync(concurrency, duration, operation, record: true).ConfigureAwait(false);
        Array.Sort(latencies);
        return new LoadResult(name, concurrency, operations / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static async Task<(long Operations, long[] Latencies, TimeSpan Elapsed)> RunWorkersAsync(int concurrency, TimeSpan duration, Func<int, long, ValueTask> operation, bool record)
    {
        var samples = new List<long>[concurrency];
        var workers = new Task<long>[concurrency];
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (int w = 0; w < concurrency; w++)
        {
            int worker = w;
            samples[w] = new List<long>(record ? 200_000 : 0);
            workers[w] = Task.Run(async () =>
            {
                long count = 0;
                List<long> mine = samples[worker];
                while (true)
                {
                    long before = Stopwatch.GetTimestamp();
                    if (before >= end)
                    {
                        return count;
                    }

                    await operation(worker, count).ConfigureAwait(false);
                    if (record)
                    {
                        mine.Add(Stopwatch.GetTimestamp() - before);
                    }

                    count++;
                }
            });
        }

        long[] counts = await Task.WhenAll(workers).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        var all = new long[record ? total : 0];
        if (record)
        {
            int offset = 0;
            foreach (List<long> list in samples)
            {
                list.CopyTo(all, offset);
                offset += list.Count;
            }
        }

        return (total, all, elapsed);
    }

    private static double Percentile(long[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] * 1_000_000.0 / Stopwatch.Frequency;
}

/// <summary>One load run's numbers.</summary>
internal sealed record LoadResult(string Name, int Concurrency, double OperationsPerSecond, double P50Microseconds, double P99Microseconds);
