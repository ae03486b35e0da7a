using CommunitySaaS.Bench.Ingest;
using CommunitySaaS.Bench.Loyalty;
using CommunitySaaS.Bench.MembersQuery;
using CommunitySaaS.Bench.Outbox;
using CommunitySaaS.Bench.StripeBurst;
using CommunitySaaS.Bench.WebhookFanout;

// One benchmark per mode: dotnet run -c Release --project tests/Bench/CommunitySaaS.Bench -- <mode> [options]
return args.FirstOrDefault() switch
{
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "members-query" => await MembersQueryBench.RunAsync(args[1..]),
    "outbox" => await OutboxBench.RunAsync(args[1..]),
    "loyalty" => await LoyaltyBench.RunAsync(args[1..]),
    "stripe-burst" => await StripeBurstBench.RunAsync(args[1..]),
    "webhook-fanout" => await WebhookFanoutBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: CommunitySaaS.Bench <mode> [options]
          ingest [--seconds 30] [--clients 16] [--providers sqlite,postgres]
          members-query [--members N] [--providers sqlite,postgres]
          outbox [--events 5000] [--rate 200] [--seconds 10] [--providers sqlite,postgres]
          loyalty [--members 1000000] [--entries 20000000] [--due-percent 5] [--seconds 20] [--providers postgres,sqlite] [--no-ingest]
          stripe-burst [--events 10000]
          webhook-fanout [--events 10000] [--rate 50]
        """);
    return 2;
}
