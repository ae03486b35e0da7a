using System.Globalization;
using CommunitySaaS.Rules.Tests.Support;
using static CommunitySaaS.Rules.Tests.Support.RuleJson;

namespace CommunitySaaS.Rules.Tests;

/// <summary>Same inputs, same result on any server: the server's culture and time zone do not reach rules.</summary>
public sealed class DeterminismTests
{
    private static readonly TestHost Host = TestHost.Create();

    // Each rule adds a distinct power of two when it gives the invariant, UTC answer, so the total says which one did not.
    internal static readonly object[] Rules =
    [
        Points("TotalAsText", "order.Total.ToString() == \"1234.50\"", "1"),
        Points("TotalFormatted", "order.Total.ToString(\"N1\") == \"1,234.5\"", "2"),
        Points("Joined", "(\"total \" + order.Total) == \"total 1234.50\"", "4"),
        Points("ParsedDecimal", "decimal.Parse(\"1.5\") == 1.5m && Convert.ToDecimal(\"2.5\") == 2.5m", "8"),
        Points("UpperCase", "member.Tier.ToUpper() == \"VIP\"", "16"),
        Points("OrdinalOrder", "order.Lines.OrderBy(l => l.Sku).First().Sku == \"A-2\"", "32"),
        Points("OrdinalCompare", "string.Compare(\"a\", \"B\") > 0 && \"a\".CompareTo(\"B\") > 0", "64"),
        Points("ParsedUtc", "DateTime.Parse(\"2026-03-14T10:00:00Z\").Hour == 10", "128"),
        Points("OffsetlessIsUtc", "DateTimeOffset.Parse(\"2026-03-14 10:00\") == now", "256"),
        Points("TimeOnlyHasNoToday", "DateTimeOffset.Parse(\"10:00\").Year == 1 && DateTime.Parse(\"10:00\").Year == 1", "512"),
        Points("DateTimeIsUtc", "now < DateTime(2026, 3, 14, 12, 0, 0)", "1024"),
        Points("DateText", "now.ToString(\"dddd d MMMM\") == \"Saturday 14 March\"", "2048"),
        Points("StartsWithOrdinal", "member.Tier.StartsWith(\"vi\") && member.Tier.IndexOf(\"p\") == 2", "4096"),
    ];

    internal static RuleInputs Inputs() => Sample.Inputs(
        order: Sample.Order(1234.50m, Sample.Line("a-1", 1m), Sample.Line("A-2", 1m), Sample.Line("b", 1m)),
        member: Sample.Member(tier: "vip"));

    internal static long Evaluate() =>
        Host.Evaluator.EvaluatePoints(TestHost.Source(RuleSetKind.Points, Workflow(Rules)), "order.paid", Inputs()).TotalPoints;

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("ja-JP")]
    [InlineData("")]
    public void EvaluatePoints_GivesTheInvariantAnswer_WhatEverTheServersCulture(string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Evaluate().ShouldBe(8191);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}

/// <summary>Changes the process's time zone, so it runs alone.</summary>
[CollectionDefinition(nameof(ProcessTimeZone), DisableParallelization = true)]
public sealed class ProcessTimeZone;

[Collection(nameof(ProcessTimeZone))]
public sealed class TimeZoneDeterminismTests
{
    [Theory]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Australia/Lord_Howe")]
    public void EvaluatePoints_GivesTheUtcAnswer_WhatEverTheServersTimeZone(string zone)
    {
        var before = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            TimeZoneInfo.Local.BaseUtcOffset.ShouldNotBe(TimeSpan.Zero);

            DeterminismTests.Evaluate().ShouldBe(8191);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
