using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class ValidationTests
{
    private readonly IRuleSetValidator _validator = TestHost.Create().Validator;

    private RuleSetError SingleError(RuleSetKind kind, string json)
    {
        var result = _validator.Validate(kind, json, []);
        result.IsValid.ShouldBeFalse();
        return result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void Validate_Passes_WhenRuleSetIsWellFormed()
    {
        var result = _validator.Validate(RuleSetKind.Points, Workflow(Points("Base", "order.Total > 0", "Math.Floor(order.Total * 1.5m)")), []);

        result.IsValid.ShouldBeTrue();
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ReportsTheLine_WhenJsonIsMalformed()
    {
        var error = SingleError(RuleSetKind.Points, "{\n  \"WorkflowName\": \"x\",\n  \"Rules\": [ { ] }");

        error.Path.ShouldStartWith("$ (line 3");
        error.Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public void Validate_ReportsMissingWorkflowName_WhenAbsent()
    {
        SingleError(RuleSetKind.Points, "{ \"Rules\": [ { \"RuleName\": \"A\", \"Expression\": \"true\", \"Properties\": { \"event\": \"signin\" }, "
            + "\"Actions\": { \"OnSuccess\": { \"Name\": \"OutputExpression\", \"Context\": { \"Expression\": \"1\" } } } } ] }")
            .Path.ShouldBe("$.WorkflowName");
    }

    [Fact]
    public void Validate_RefusesLongNames_WhenARuleOrTierNameExceedsTheLimit()
    {
        var longName = new string('n', 101);

        SingleError(RuleSetKind.Points, Workflow(Points(longName, "true", "1"))).Path.ShouldBe("$.Rules[0].RuleName");
        SingleError(RuleSetKind.Tiers, Workflow(Tier("Gold", "true", longName, 1))).Path.ShouldBe("$.Rules[0].Properties.tier");
    }

    [Fact]
    public void Validate_NamesTheRuleAndPath_WhenAnExpressionDoesNotCompile()
    {
        var json = Workflow(Points("Fine", "true", "1"), Points("Broken", "order.Totl > 10", "1"));

        var error = SingleError(RuleSetKind.Points, json);

        error.Rule.ShouldBe("Broken");
        error.Expression.ShouldBe("order.Totl > 10");
        error.Path.ShouldBe("$.Rules[1].Expression");
        error.Message.ShouldContain("Totl");
    }

    [Fact]
    public void Validate_PointsAtTheOutput_WhenTheOutputIsNotANumber()
    {
        var error = SingleError(RuleSetKind.Points, Workflow(Points("Text", "true", "member.ExternalId")));

        error.Path.ShouldBe("$.Rules[0].Actions.OnSuccess.Context.Expression");
        error.Message.ShouldContain("must be a number");
    }

    [Fact]
    public void Validate_RequiresACondition_WhenTheExpressionIsNotBoolean()
    {
        SingleError(RuleSetKind.Points, Workflow(Points("Sum", "order.Total + 1", "1"))).Message.ShouldContain("condition");
    }

    [Fact]
    public void Validate_RequiresTheEvent_WhenAPointsRuleHasNone()
    {
        var json = "{ \"WorkflowName\": \"p\", \"Rules\": [ { \"RuleName\": \"A\", \"Expression\": \"true\", \"Properties\": { \"priority\": 1 }, "
            + "\"Actions\": { \"OnSuccess\": { \"Name\": \"OutputExpression\", \"Context\": { \"Expression\": \"1\" } } } } ] }";

        var error = SingleError(RuleSetKind.Points, json);

        error.Path.ShouldBe("$.Rules[0].Properties.event");
        error.Rule.ShouldBe("A");
    }

    [Fact]
    public void Validate_ListsKnownEvents_WhenTheEventIsMisspelt()
    {
        var error = SingleError(RuleSetKind.Points, Workflow(Points("A", "true", "1", eventName: "order.payed")));

        error.Message.ShouldContain("order.paid");
        error.Path.ShouldBe("$.Rules[0].Properties.event");
    }

    [Fact]
    public void Validate_RefusesLevelThree_WhenCommissionHasTwoLevels()
    {
        SingleError(RuleSetKind.Commission, Workflow(Commission("L3", "true", 3, "0.01"))).Path.ShouldBe("$.Rules[0].Properties.level");
    }

    [Fact]
    public void Validate_RequiresTierAndPriority_WhenTierRuleLacksThem()
    {
        var json = "{ \"WorkflowName\": \"t\", \"Rules\": [ { \"RuleName\": \"Gold\", \"Expression\": \"true\", \"Properties\": { } } ] }";

        var result = _validator.Validate(RuleSetKind.Tiers, json, []);

        result.Errors.Select(error => error.Path).ShouldBe(["$.Rules[0].Properties.tier", "$.Rules[0].Properties.priority"]);
    }

    [Fact]
    public void Validate_RefusesDuplicateNames_WhenTwoRulesShareOne()
    {
        SingleError(RuleSetKind.Points, Workflow(Points("Same", "true", "1"), Points("same", "true", "2"))).Path.ShouldBe("$.Rules[1].RuleName");
    }

    [Fact]
    public void Validate_RefusesUnknownProperties_WhenMisspelt()
    {
        var json = Workflow(new { RuleName = "A", Expression = "true", Properties = new { @event = "signin", exclusiv = true }, Actions = Output("1") });

        var error = SingleError(RuleSetKind.Points, json);

        error.Path.ShouldBe("$.Rules[0].Properties.exclusiv");
        error.Message.ShouldContain("exclusive");
    }

    [Fact]
    public void Validate_RefusesNestedRules_WhenRuleUsesOperator()
    {
        var json = Workflow(new { RuleName = "A", Expression = "true", Operator = "And", Properties = new { @event = "signin" }, Actions = Output("1") });

        SingleError(RuleSetKind.Points, json).Path.ShouldBe("$.Rules[0].Operator");
    }

    [Fact]
    public void Validate_RequiresAnOutput_WhenAPointsRuleHasNoActions()
    {
        var json = Workflow(new { RuleName = "A", Expression = "true", Properties = new { @event = "signin" } });

        SingleError(RuleSetKind.Points, json).Path.ShouldBe("$.Rules[0].Actions.OnSuccess");
    }

    [Fact]
    public void Validate_RefusesTooManyRules_WhenOverTheLimit()
    {
        var validator = TestHost.Create(options => options.Limits = new RuleLimits(MaxRules: 2)).Validator;
        var json = Workflow(Points("A", "true", "1"), Points("B", "true", "1"), Points("C", "true", "1"));

        validator.Validate(RuleSetKind.Points, json, []).Errors.ShouldHaveSingleItem().Path.ShouldBe("$.Rules");
    }

    [Fact]
    public void Validate_ReportsEveryProblem_WhenSeveralRulesAreWrong()
    {
        var json = Workflow(Points("A", "order.Nope", "1"), Points("B", "true", "DateTime.Now.Day"));

        _validator.Validate(RuleSetKind.Points, json, []).Errors.Select(error => error.Rule).ShouldBe(["A", "B"]);
    }
}
