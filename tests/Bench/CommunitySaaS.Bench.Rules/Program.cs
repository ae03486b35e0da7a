using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CommunitySaaS.Bench.Rules;

// --quick: a short job (fewer iterations) and 2,000 tenants instead of 10,000, to check the figures fast.
var quick = args.Contains("--quick");
CacheFigures.Print(tenants: quick ? 2_000 : 10_000);

var job = (quick ? Job.ShortRun.WithWarmupCount(2).WithIterationCount(5) : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(StatisticColumn.OperationsPerSecond);
BenchmarkRunner.Run<EvaluationBenchmarks>(config, args.Where(arg => arg != "--quick").ToArray());
