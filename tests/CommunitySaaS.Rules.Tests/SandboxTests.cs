using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

public sealed class SandboxTests
{
    private readonly IRuleSetValidator _validator = TestHost.Create().Validator;

    private RuleSetError Refusal(string expression)
    {
        var result = _validator.Validate(RuleSetKind.Points, Workflow(Points("Rule", expression, "1")), []);
        result.IsValid.ShouldBeFalse($"'{expression}' should be refused");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("$.Rules[0].Expression");
        error.Rule.ShouldBe("Rule");
        return error;
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("File.ReadAllText(\"/etc/passwd\") != \"\"")]
    [InlineData("Directory.Exists(\"/\")")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null")]
    [InlineData("Process.GetCurrentProcess().Id > 0")]
    [InlineData("Environment.TickCount > 0")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\") != null")]
    [InlineData("AppDomain.CurrentDomain != null")]
    [InlineData("Activator.CreateInstance(\"x\", \"y\") != null")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("typeof(OrderInput) != null")]
    [InlineData("Stopwatch.GetTimestamp() > 0")]
    [InlineData("CommunitySaaS.Rules.RuleSetTemplates.Default(RuleSetKind.Points) != \"\"")]
    [InlineData("RuleSetTemplates.Default(0) != \"\"")]
    [InlineData("IRuleSetCache != null")]
    public void Validate_RefusesUnknownTypes_WhenExpressionReachesOutsideTheSandbox(string expression)
    {
        Refusal(expression).Message.ShouldContain("not available in rules");
    }

    [Theory]
    [InlineData("order.GetType() != null")]
    [InlineData("order.GetType().Assembly != null")]
    [InlineData("order.GetType().Assembly.Location != \"\"")]
    [InlineData("order.Lines.Select(l => l.GetType()).Count() > 0")]
    [InlineData("now.GetType() != null")]
    public void Validate_RefusesReflection_WhenExpressionCallsGetType(string expression)
    {
        Refusal(expression).Message.ShouldContain("Reflection");
    }

    [Theory]
    [InlineData("DateTime.Now.Hour > 9")]
    [InlineData("DateTime.UtcNow > DateTime.MinValue")]
    [InlineData("DateTime.Today.Day == 1")]
    [InlineData("DateTimeOffset.Now > now")]
    [InlineData("DateTimeOffset.UtcNow > now")]
    [InlineData("now.LocalDateTime.Hour > 9")]
    [InlineData("now.ToLocalTime().Hour > 9")]
    public void Validate_RefusesServerClocks_WhenExpressionDoesNotUseNow(string expression)
    {
        Refusal(expression).Message.ShouldContain("'now' input");
    }

    [Theory]
    [InlineData("order?.Total > 0")]
    [InlineData("order?.Lines?.Count > 0")]
    public void Validate_ExplainsTheMistake_WhenTheParserThrowsInsteadOfReporting(string expression)
    {
        Refusal(expression).Message.ShouldContain("np(");
    }

    [Theory]
    [InlineData("order.ItemCount.ToString(\"D999999999\") != \"\"", "at most 30")]
    [InlineData("order.Total.ToString(\"E31\") != \"\"", "at most 30")]
    [InlineData("order.Total.ToString(\"000000000000000000000000000000000\") != \"\"", "at most 32")]
    public void Validate_RefusesTheFormat_WhenItWouldWriteHugeText(string expression, string limit)
    {
        Refusal(expression).Message.ShouldContain(limit);
    }

    [Theory]
    [InlineData("DateTime.FromFileTime(0) > DateTime.MinValue")]
    [InlineData("now.UtcDateTime.ToUniversalTime() > DateTime.MinValue")]
    [InlineData("now.UtcDateTime.IsDaylightSavingTime()")]
    [InlineData("DateTimeOffset(now.UtcDateTime) > now")]
    [InlineData("Convert.ToDateTime(\"2025-01-01\") > DateTime.MinValue")]
    [InlineData("DateTime.ParseExact(\"2025\", \"yyyy\", null) > DateTime.MinValue")]
    public void Validate_RefusesTheServersTimeZone_WhenExpressionConvertsThroughIt(string expression)
    {
        Refusal(expression).Message.ShouldContain("time zone");
    }

    [Theory]
    [InlineData("member.Tier.Equals(\"gold\", StringComparison.CurrentCultureIgnoreCase)")]
    [InlineData("member.Tier.Equals(\"gold\", StringComparison.InvariantCulture)")]
    public void Validate_RefusesCultureAwareComparisons_WhenTheyDependOnTheServer(string expression)
    {
        Refusal(expression).Message.ShouldContain("StringComparison.Ordinal");
    }

    [Fact]
    public void Validate_RefusesRandomness_WhenExpressionCallsNewGuid()
    {
        Refusal("Guid.NewGuid() != Guid.Empty").Message.ShouldContain("random");
    }

    [Theory]
    [InlineData("\"a\".PadLeft(2000000000).Length > 0")]
    [InlineData("order.ExternalId.Replace(\"a\", \"aaaaaaaaaa\").Length > 0")]
    [InlineData("order.Lines.OfType(\"System.IO.FileInfo\").Count() > 0")]
    [InlineData("order.Lines.Cast(\"System.Object\").Count() > 0")]
    [InlineData("new(order.Total as t).t > 0")]
    [InlineData("order.Lines.Aggregate(\"\", (a, l) => a + a + l.Sku).Length > 0")]
    [InlineData("ExpressionUtils.CheckContains(\"a\", \"a\")")]
    [InlineData("Enum.GetNames(now.DayOfWeek.GetType()).Length > 0")]
    [InlineData("member.Tags.GetType().Name != \"\"")]
    public void Validate_RefusesMembersOffTheAllowList_WhenTheParserWouldAcceptThem(string expression)
    {
        Refusal(expression);
    }

    [Theory]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0")]
    [InlineData("Enumerable.Repeat(1, int.MaxValue).Sum() > 0")]
    public void Validate_RefusesGeneratedSequences_WhenExpressionCouldLoopWithoutEnd(string expression)
    {
        Refusal(expression).Message.ShouldContain("generates sequences");
    }

    [Fact]
    public void Validate_RefusesWithoutCrashing_WhenExpressionIsNestedThousandsDeep()
    {
        var validator = TestHost.Create(options => options.Limits = new RuleLimits(MaxExpressionLength: 100_000)).Validator;
        var deep = new string('(', 20_000) + "true" + new string(')', 20_000);

        var result = validator.Validate(RuleSetKind.Points, Workflow(Points("Deep", deep, "1")), []);

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("nests brackets");
    }

    [Fact]
    public void Validate_RefusesHugeExpressions_WhenOverTheLengthLimit()
    {
        var huge = string.Join(" || ", Enumerable.Repeat("order.Total > 1", 200));

        Refusal(huge).Message.ShouldContain("characters long");
    }

    [Fact]
    public void Validate_RefusesTooManyOperations_WhenUnderTheLengthLimitButComplex()
    {
        var validator = TestHost.Create(options => options.Limits = new RuleLimits(MaxNodes: 50)).Validator;
        var complex = string.Join("+", Enumerable.Repeat("1", 60)) + " > 0";

        validator.Validate(RuleSetKind.Points, Workflow(Points("Busy", complex, "1")), []).Errors.ShouldHaveSingleItem().Message.ShouldContain("operations");
    }

    [Fact]
    public void Validate_RefusesLoopsInLoopsInLoops_WhenNestedBeyondTheLimit()
    {
        Refusal("order.Lines.Any(a => order.Lines.Any(b => order.Lines.Any(c => c.Sku == a.Sku)))").Message.ShouldContain("nests more than 2 loops");
    }

    [Theory]
    [InlineData("Math.Max(order.Total, 10) > 5 && Math.Round(order.Total, 2) > 0")]
    [InlineData("member.ExternalId.StartsWith(\"cust\") && member.ExternalId.ToUpper().Contains(\"CUST\")")]
    [InlineData("member.Tags.Contains(\"vip\") && member.Tags.Count > 0")]
    [InlineData("order.Lines.Where(l => l.Amount > 1).Sum(l => l.Amount) > 1 && order.Lines.Count(l => l.Category == \"general\") >= 1")]
    [InlineData("now.AddDays(-30) > member.JoinedAt.AddDays(1) && now.Subtract(member.JoinedAt).TotalDays > 30")]
    [InlineData("member.Birthday == null || member.Birthday.Value.Month == now.Month")]
    [InlineData("DateOnly.FromDateTime(now.UtcDateTime) > DateOnly(2025, 1, 1)")]
    [InlineData("now.DayOfWeek == DayOfWeek.Saturday || now.Hour >= 0")]
    [InlineData("np(order.CommunityKind) == null || order.CommunityKind == \"store\"")]
    [InlineData("order.Lines.Any(a => order.Lines.Any(b => b.Sku == a.Sku))")]
    [InlineData("Convert.ToInt32(order.Total) >= 0 && order.Currency in (\"USD\", \"EUR\")")]
    [InlineData("member.Tier.Length > 0")]
    [InlineData("Math.Round(order.Total, MidpointRounding.AwayFromZero) > 0 && Math.Round(order.Total, 2, MidpointRounding.ToEven) > 0")]
    [InlineData("member.Tier.Equals(\"gold\", StringComparison.OrdinalIgnoreCase) || member.Tier.Contains(\"G\", StringComparison.Ordinal)")]
    [InlineData("order.Total.ToString() != \"\" && order.ItemCount.ToString() != \"\" && now.ToString() != \"\"")]
    [InlineData("order.Total.ToString(\"N2\") != \"\" && order.ItemCount.ToString(\"D30\") != \"\"")]
    [InlineData("order.Lines.ToArray().Length > 0 && DateTimeOffset.Parse(\"2026-01-01T00:00:00Z\") < now")]
    public void Validate_AllowsInputsMathTextAndDates_WhenExpressionStaysInside(string expression)
    {
        _validator.Validate(RuleSetKind.Points, Workflow(Points("Rule", expression, "1")), []).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void EvaluatePoints_FailsTheEvaluation_WhenARuleLoopsBeyondItsBudget()
    {
        var host = TestHost.Create(options => options.Limits = new RuleLimits(MaxStepsPerRule: 10_000));
        var json = Workflow(
            Points("Base", "true", "order.Total", priority: 1),
            Points("Quadratic", "order.Lines.Any(a => order.Lines.Count(b => b.Sku == a.Sku) > 1)", "100"));
        var lines = Enumerable.Range(0, 1_000).Select(i => Sample.Line($"SKU-{i}", 1m)).ToArray();

        var failure = Should.Throw<RuleEvaluationException>(() =>
            host.Evaluator.EvaluatePoints(TestHost.Source(RuleSetKind.Points, json), "order.paid", Sample.Inputs(order: Sample.Order(1_000m, lines))));

        failure.RuleName.ShouldBe("Quadratic");
        failure.RulePath.ShouldBe("$.Rules[1]");
        failure.Failure.ShouldBe(RuleEvaluationFailure.BudgetExceeded);
        failure.Reason.ShouldContain("10,000 steps");
    }

    [Fact]
    public void EvaluatePoints_RunsTheSameLoop_WhenWithinItsBudget()
    {
        var json = Workflow(Points("Quadratic", "order.Lines.Any(a => order.Lines.Count(b => b.Sku == a.Sku) > 1)", "100"));
        var lines = new[] { Sample.Line("A", 1m), Sample.Line("A", 2m) };

        TestHost.Create().Evaluator.EvaluatePoints(TestHost.Source(RuleSetKind.Points, json), "order.paid", Sample.Inputs(order: Sample.Order(3m, lines)))
            .TotalPoints.ShouldBe(100);
    }
}
