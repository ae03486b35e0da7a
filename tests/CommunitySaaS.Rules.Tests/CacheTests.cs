using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class CacheTests
{
    private static readonly string Json = Workflow(Points("Base", "true", "order.Total"));

    private static RuleSetRef Ref(int version, Guid? tenant = null) => new(tenant ?? Guid.Empty, RuleSetKind.Points, version);

    [Fact]
    public void EvaluatePoints_NeverRecompiles_WhenTheVersionWasWarmed()
    {
        var host = TestHost.Create();
        host.Cache.Warm(Ref(1), Json, []);

        for (var i = 0; i < 100; i++)
        {
            host.Evaluator.EvaluatePoints(new RuleSetSource(Ref(1), Json, []), "order.paid", Sample.Inputs(order: Sample.Order(i)));
        }

        host.Cache.Compilations.ShouldBe(1);
    }

    [Fact]
    public void EvaluatePoints_CompilesOnce_WhenManyThreadsMissAtOnce()
    {
        var host = TestHost.Create();
        var source = new RuleSetSource(Ref(1), Json, []);

        Parallel.For(0, 64, i => host.Evaluator.EvaluatePoints(source, "order.paid", Sample.Inputs(order: Sample.Order(i))).TotalPoints.ShouldBe(i));

        host.Cache.Compilations.ShouldBe(1);
    }

    [Fact]
    public void Warm_EvictsTheLeastRecentlyUsed_WhenOverCapacity()
    {
        var host = TestHost.Create(options => options.CacheCapacity = 3);
        for (var version = 1; version <= 3; version++)
        {
            host.Cache.Warm(Ref(version), Json, []);
        }

        host.Evaluator.EvaluatePoints(new RuleSetSource(Ref(1), Json, []), "order.paid", Sample.Inputs(order: Sample.Order(1m)));
        host.Cache.Warm(Ref(4), Json, []);

        host.Cache.Count.ShouldBe(3);
        host.Cache.Contains(Ref(1)).ShouldBeTrue();
        host.Cache.Contains(Ref(2)).ShouldBeFalse();
        host.Cache.Evictions.ShouldBe(1);
    }

    [Fact]
    public void Cache_StaysWithinCapacity_WhenThousandsOfTenantsEvaluate()
    {
        var host = TestHost.Create(options => options.CacheCapacity = 50);

        for (var tenant = 0; tenant < 500; tenant++)
        {
            host.Evaluator.EvaluatePoints(new RuleSetSource(Ref(1, Guid.NewGuid()), Json, []), "order.paid", Sample.Inputs(order: Sample.Order(1m)));
        }

        host.Cache.Count.ShouldBe(50);
        host.Cache.Evictions.ShouldBe(450);
    }

    [Fact]
    public void Warm_Throws_WhenTheRuleSetIsInvalid()
    {
        var host = TestHost.Create();

        var exception = Should.Throw<RuleSetInvalidException>(() => host.Cache.Warm(Ref(1), Workflow(Points("Bad", "order.Nope", "1")), []));

        exception.Errors.ShouldHaveSingleItem().Rule.ShouldBe("Bad");
        host.Cache.Contains(Ref(1)).ShouldBeFalse();
    }

    [Fact]
    public void EvaluatePoints_Recompiles_WhenTheTenantsPluginsChanged()
    {
        var host = TestHost.Create();
        host.Cache.Warm(Ref(1), Json, []);

        host.Evaluator.EvaluatePoints(new RuleSetSource(Ref(1), Json, ["Calendar"]), "order.paid", Sample.Inputs(order: Sample.Order(1m)));
        host.Evaluator.EvaluatePoints(new RuleSetSource(Ref(1), Json, ["calendar"]), "order.paid", Sample.Inputs(order: Sample.Order(1m)));

        host.Cache.Compilations.ShouldBe(2);
    }
}
