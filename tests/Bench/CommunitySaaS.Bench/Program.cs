using CommunitySaaS.Bench.Ingest;

// Each benchmark is a mode: dotnet run -c Release --project tests/Bench/CommunitySaaS.Bench -- <mode> [options]
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("modes: ingest [--seconds 30] [--clients 16] [--providers sqlite,postgres]");
    return 2;
}
