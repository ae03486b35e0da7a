using CommunitySaaS.Rules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Rules.Tests;

/// <summary>
/// Found by the ledger property tests: a host whose calendar clock jumped (a fake clock moved a night on) while a rule
/// set compiled failed the compile as "took longer than 10,000 ms", and the cache kept that failure for the version.
/// </summary>
public sealed class BusinessClockTests
{
    [Fact]
    public void EvaluatePoints_IsNotTimedByTheHostsClock_WhenThatClockJumpsAnHourAtEveryReading()
    {
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(new JumpingClock()).AddRules(o => o.PluginFolder = Path.Combine(Path.GetTempPath(), "no-plugins-here"))
            .BuildServiceProvider();
        var source = TestHost.Source(RuleSetKind.Points, RuleSetTemplates.Default(RuleSetKind.Points));

        var result = provider.GetRequiredService<IRuleEvaluator>().EvaluatePoints(source, "order.paid", Sample.Inputs());

        result.ShouldNotBeNull();
        provider.GetRequiredService<IRuleSetValidator>().Validate(RuleSetKind.Points, RuleSetTemplates.Default(RuleSetKind.Points), []).IsValid.ShouldBeTrue();
    }

    private sealed class JumpingClock : TimeProvider
    {
        private long _ticks;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerHour);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
