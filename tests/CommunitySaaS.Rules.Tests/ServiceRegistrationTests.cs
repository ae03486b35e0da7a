using CommunitySaaS.Rules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Rules.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void AddRules_ResolvesEveryService_WhenCalledTwice()
    {
        using var provider = new ServiceCollection().AddRules(options => options.CacheCapacity = 7).AddRules().BuildServiceProvider();

        provider.GetRequiredService<IRuleSetValidator>().ShouldNotBeNull();
        provider.GetRequiredService<IRuleEvaluator>().ShouldNotBeNull();
        provider.GetRequiredService<IRuleSimulator>().ShouldNotBeNull();
        provider.GetRequiredService<IPluginCatalog>().Plugins.ShouldBeEmpty();
        provider.GetRequiredService<IRuleSetCache>().Capacity.ShouldBe(7);
    }

    [Fact]
    public void AddRules_SharesOneCache_WhenEvaluatorAndCacheAreResolved()
    {
        var host = TestHost.Create();
        var source = TestHost.Source(RuleSetKind.Tiers, RuleSetTemplates.Default(RuleSetKind.Tiers));

        host.Evaluator.EvaluateTier(source, Sample.Inputs());

        host.Cache.Contains(source.Ref).ShouldBeTrue();
    }
}
