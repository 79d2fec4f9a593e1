using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

if (args is ["stages", ..])
{
    return Outbound.Benchmarks.Stages.ScanStages.Run(args[1..]);
}

if (args is ["transform", ..])
{
    return Outbound.Benchmarks.Stages.TransformStage.Run(args[1..]);
}

var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
