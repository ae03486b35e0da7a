using CommunitySaaS.Rules.Tests.Support;

namespace CommunitySaaS.Rules.Tests;

public sealed class TemplateTests
{
    private readonly TestHost _host = TestHost.Create();

    [Theory]
    [InlineData(RuleSetKind.Points)]
    [InlineData(RuleSetKind.Tiers)]
    [InlineData(RuleSetKind.Commission)]
    public void Default_PassesValidation_WhenUsedForANewTenant(RuleSetKind kind)
    {
        _host.Validator.Validate(kind, RuleSetTemplates.Default(kind), []).Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("order.paid", 123.45, 123)]
    [InlineData("checkin", 0, 10)]
    [InlineData("review", 0, 20)]
    [InlineData("referral", 0, 50)]
    [InlineData("signin", 0, 1)]
    public void Default_GivesOnePointPerCurrencyUnitAndActivityRewards_WhenPointsTemplateIsActive(string eventName, double total, long expected)
    {
        var source = TestHost.Source(RuleSetKind.Points, RuleSetTemplates.Default(RuleSetKind.Points));
        var inputs = Sample.Inputs(order: total > 0 ? Sample.Order((decimal)total) : null, activity: Sample.Activity(eventName));

        _host.Evaluator.EvaluatePoints(source, eventName, inputs).TotalPoints.ShouldBe(expected);
    }

    [Theory]
    [InlineData(499, null)]
    [InlineData(500, "Silver")]
    [InlineData(2000, "Gold")]
    [InlineData(10000, "Black")]
    public void Default_RanksSilverGoldBlackBySpend_WhenTiersTemplateIsActive(int spend, string? expected)
    {
        var source = TestHost.Source(RuleSetKind.Tiers, RuleSetTemplates.Default(RuleSetKind.Tiers));

        _host.Evaluator.EvaluateTier(source, Sample.Inputs(stats: Sample.Stats(spend))).Tier.ShouldBe(expected);
    }

    [Fact]
    public void Default_GivesTenAndThreePercent_WhenCommissionTemplateIsActive()
    {
        var source = TestHost.Source(RuleSetKind.Commission, RuleSetTemplates.Default(RuleSetKind.Commission));

        var result = _host.Evaluator.EvaluateCommission(source, Sample.Inputs(order: Sample.Order(250m), kos: Sample.Kos(), upline: Sample.Kos()));

        result.Levels.Select(level => level.Amount).ShouldBe([25m, 7.5m]);
    }
}
