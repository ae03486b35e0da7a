using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Rules;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests;

/// <summary>
/// The rule sandbox over HTTP: the largest simulation a client may send runs within the request's budget of time and
/// memory, answers a problem naming the rule when the budget runs out, and stops when the client leaves.
/// </summary>
public abstract class RuleSandboxHttpTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    // About 10,000 steps per rule on a 100-line case: the legal maximum of 200 rules x 100 cases is far past the request's budget.
    private const string Expensive = "order.Lines.Count(a => order.Lines.Any(b => b.Sku == a.Sku && b.UnitPrice < 0)) == 0";
    // The same loops building a string at each step: minutes of work once no budget stops it.
    private const string Endless = "order.Lines.Count(a => order.Lines.Any(b => string.Concat(b.Sku, a.Sku, b.Category) == a.Category)) == 0";
    private const long MaxLiveHeapGrowth = 256L * 1024 * 1024;
    private const int MaxBodyBytes = 1024 * 1024;

    private static object Maximum(string expression) => new
    {
        workflow = Workflow(new
        {
            WorkflowName = "points",
            Rules = Enumerable.Range(0, 200).Select(i => PointsRule($"Rule{i:D3}", expression, "1")).ToArray(),
        }),
        cases = Enumerable.Range(0, 100).Select(i => new
        {
            name = $"case-{i}",
            @event = "order.paid",
            order = new
            {
                total = 100m, currency = "USD",
                lines = Enumerable.Range(0, 100).Select(l => new { sku = $"S{i}-{l}", category = "c", quantity = 1, unitPrice = 1m }).ToArray(),
            },
        }).ToArray(),
    };

    [Fact]
    public async Task Simulate_Answers400NamingTheRule_WhenTheLegalMaximumUsesUpItsBudget()
    {
        var tenant = await host.CreateTenantAsync();
        var body = Maximum(Expensive);
        JsonSerializer.SerializeToUtf8Bytes(body).Length.ShouldBeLessThan(MaxBodyBytes, "the request must be one a client may really send");
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var response = await tenant.Client.PostJson(tenant.Url("rulesets/points/simulate"), body);

        clock.Stop();
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        var (path, messages) = problem["errors"]!.AsObject().ShouldHaveSingleItem();
        path.ShouldStartWith("$.Rules[");
        var message = messages!.AsArray().ShouldHaveSingleItem()!.GetValue<string>();
        message.ShouldStartWith("Rule 'Rule");
        message.ShouldContain("case 'case-");
        problem["detail"]!.GetValue<string>().ShouldContain("budget");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(new RuleLimits().MaxSimulationMilliseconds) + TimeSpan.FromSeconds(20));
        (GC.GetTotalMemory(forceFullCollection: true) - heapBefore).ShouldBeLessThan(MaxLiveHeapGrowth);
    }

    [Fact]
    public async Task Simulate_AnswersEveryCase_WhenTheLegalMaximumFitsItsBudget()
    {
        var tenant = await host.CreateTenantAsync();

        var report = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/simulate"), Maximum("order.Lines.Any(l => l.UnitPrice > 0)")))
            .ShouldHaveStatus(HttpStatusCode.OK);

        var cases = report["cases"]!.AsArray();
        cases.Count.ShouldBe(100);
        cases.ShouldAllBe(c => c!["draft"]!["points"]!.GetValue<long>() == 200);
    }

    [Fact]
    public async Task Simulate_AnswersTheFailureOnItsCase_WhenADraftRuleOverflows()
    {
        var tenant = await host.CreateTenantAsync();
        var workflow = PointsWorkflow("1", new
        {
            RuleName = "Boost", Expression = "true",
            Properties = new Dictionary<string, object> { ["event"] = "order.paid", ["multiplier"] = true },
            Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = "10000000000000000" } } },
        });

        var report = await (await tenant.Client.PostJson(tenant.Url("rulesets/points/simulate"), new
        {
            workflow, cases = new[] { new { name = "big", @event = "order.paid", order = new { total = 1000m, currency = "USD" } } },
        })).ShouldHaveStatus(HttpStatusCode.OK);

        var error = report["cases"]![0]!["draft"]!["error"]!;
        error["ruleName"]!.GetValue<string>().ShouldBe("Boost");
        error["failure"]!.GetValue<string>().ShouldBe("overflow");
    }

    [Fact]
    public async Task Simulate_StopsWorking_WhenTheClientCancels()
    {
        var tenant = await host.CreateTenantAsync();
        var options = host.Services.GetRequiredService<RulesOptions>();
        var defaults = options.Limits;
        using var meter = new SimulationMeter();
        // Every budget out of reach, so only the client leaving can stop this simulation within the test's time.
        options.Limits = defaults with
        {
            MaxSimulationSteps = long.MaxValue, MaxSimulationMilliseconds = 600_000, MaxSimulationAllocatedBytes = 1L << 40,
            MaxStepsPerEvaluation = int.MaxValue, MaxStepsPerRule = int.MaxValue, MaxEvaluationMilliseconds = 600_000, MaxEvaluationAllocatedBytes = 1L << 40,
        };
        try
        {
            using var cancellation = new CancellationTokenSource();
            var request = tenant.Client.PostAsync(
                tenant.Url("rulesets/points/simulate"), System.Net.Http.Json.JsonContent.Create(Maximum(Endless)), cancellation.Token);
            (await meter.Running.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue("the simulation should have started");
            // The meter is the process's: a short simulation of another test may have started first. Ours runs for
            // minutes, so waiting a little more makes sure it is the one the client walks away from.
            await Task.Delay(TimeSpan.FromSeconds(1));

            await cancellation.CancelAsync();

            await Should.ThrowAsync<OperationCanceledException>(request);
            (await meter.Cancelled.WaitAsync(TimeSpan.FromSeconds(15))).ShouldBeTrue("the server should stop simulating once the client has gone");
        }
        finally
        {
            options.Limits = defaults;
        }
    }

    /// <summary>Listens to the rules library's meter: when a simulation starts evaluating, and when one stops because it was cancelled.</summary>
    private sealed class SimulationMeter : IDisposable
    {
        private readonly MeterListener _listener = new();

        public SimulationMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "CommunitySaaS.Rules") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (instrument.Name == "communitysaas.rules.simulations.running" && value > 0) Running.Release();
                foreach (var tag in tags)
                {
                    if (instrument.Name == "communitysaas.rules.simulations" && tag is { Key: "outcome", Value: "cancelled" }) Cancelled.Release();
                }
            });
            _listener.Start();
        }

        public SemaphoreSlim Running { get; } = new(0);

        public SemaphoreSlim Cancelled { get; } = new(0);

        public void Dispose()
        {
            _listener.Dispose();
            Running.Dispose();
            Cancelled.Dispose();
        }
    }
}

// One collection: each provider's legal-maximum simulations would otherwise overlap the other's and blur the process-wide meters.
[Collection("Rule sandbox over HTTP")]
public sealed class RuleSandboxHttpTestsOnSqlite(SqliteHost host) : RuleSandboxHttpTests<SqliteHost>(host);

[Collection("Rule sandbox over HTTP")]
public sealed class RuleSandboxHttpTestsOnPostgres(PostgresHost host) : RuleSandboxHttpTests<PostgresHost>(host);
