using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Caching.Benchmarks;

/// <summary>
/// Memory per idle activation: writes N keys of 100-byte values through a <c>Local</c> cache with persistence off (so
/// storage holds nothing), forces a full collection, and divides the growth by N. Run with
/// <c>dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- memory 1000000</c>.
/// </summary>
internal static class ActivationMemory
{
    public static async Task RunAsync(int keys)
    {
        (ServiceProvider provider, Cache cache) = LocalCaches.Create(("Caching:Silo:Persistence", "None"), ("Caching:Silo:Storage:Type", "None"));
        await using (provider)
        {
            ICacheBackend backend = cache.Backend;
            byte[] value = new byte[100];
            await backend.SetAsync("warm-up", value, null, CancellationToken.None);
            string[] names = Enumerable.Range(0, keys).Select(i => "key:" + i.ToString("D7", CultureInfo.InvariantCulture)).ToArray();
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            foreach (string name in names)
            {
                await backend.SetAsync(name, value, null, CancellationToken.None);
            }

            watch.Stop();
            long after = GC.GetTotalMemory(forceFullCollection: true);
            double perKey = (after - before) / (double)keys;
            const int valueBytes = 100 + 24; // the byte[] itself: payload plus array header
            Console.WriteLine($"{keys:N0} keys in {watch.Elapsed.TotalSeconds:0.00} s ({keys / watch.Elapsed.TotalSeconds:N0} sets/s)");
            Console.WriteLine($"memory per key: {perKey:N0} bytes, of which the 100-byte value takes {valueBytes}; grain + runtime overhead {perKey - valueBytes:N0} bytes");
            GC.KeepAlive(names);
        }
    }
}
