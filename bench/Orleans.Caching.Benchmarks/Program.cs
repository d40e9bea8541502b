using System.Globalization;
using BenchmarkDotNet.Running;
using Orleans.Caching.Benchmarks;

// Benchmarks are run by hand, never by the test command:
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- --filter '*'
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- --filter '*Local*' --job short
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- memory 1000000
if (args.Length > 0 && args[0] == "memory")
{
    await ActivationMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ActivationMemory).Assembly).Run(args);
