using BenchmarkDotNet.Running;

// BenchmarkDotNet suites: dotnet run -c Release --project bench/LiveBot.Benchmarks -- --filter '*'
// Load harnesses (not micro-benchmarks) register themselves in Harnesses and run by name:
//   dotnet run -c Release --project bench/LiveBot.Benchmarks -- harness <name>
if (args is ["harness", var name, ..])
{
    return await LiveBot.Benchmarks.Harnesses.RunAsync(name, args[2..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LiveBot.Benchmarks.Harnesses).Assembly).Run(args);
return 0;
