using BenchmarkDotNet.Running;

// Benchmarks are run by hand, never by the test command:
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- --filter '*'
//   dotnet run -c Release --project bench/Orleans.Caching.Benchmarks -- --filter '*Backend*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
