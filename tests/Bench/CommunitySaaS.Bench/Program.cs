using CommunitySaaS.Bench.MembersQuery;

// One benchmark per mode: dotnet run -c Release --project tests/Bench/CommunitySaaS.Bench -- <mode>
return args.FirstOrDefault() switch
{
    "members-query" => await MembersQueryBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: CommunitySaaS.Bench <mode> [options]\n  members-query [--members N] [--providers sqlite,postgres] [--no-proposed-indexes]");
    return 2;
}
