using AnToan.Knowledge.Bench;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Knowledge.Bench -- --latency [rounds]   per-query p50/p99 and build time
// dotnet run -c Release --project bench/Knowledge.Bench -- --filter '*' --job short   BenchmarkDotNet
if (args.Length > 0 && args[0] == "--latency")
{
    Latency.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(QueryBenchmarks).Assembly).Run(args);
