using CommunitySaaS.Plugins.Calendar;
using CommunitySaaS.Plugins.GroupBuy;
using CommunitySaaS.Plugins.Streaks;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>The rules library as the host wires it: AddRules plus the built-in plugins, each test with its own cache.</summary>
internal sealed class TestHost
{
    private readonly ServiceProvider _provider;

    private TestHost(ServiceProvider provider) => _provider = provider;

    public IRuleSetValidator Validator => _provider.GetRequiredService<IRuleSetValidator>();

    public IRuleEvaluator Evaluator => _provider.GetRequiredService<IRuleEvaluator>();

    public IRuleSetCache Cache => _provider.GetRequiredService<IRuleSetCache>();

    public IRuleSimulator Simulator => _provider.GetRequiredService<IRuleSimulator>();

    public IPluginCatalog Catalog => _provider.GetRequiredService<IPluginCatalog>();

    public static TestHost Create(Action<RulesOptions>? configure = null, bool builtInPlugins = true)
    {
        var services = new ServiceCollection().AddRules(options =>
        {
            options.PluginFolder = Path.Combine(Path.GetTempPath(), "no-plugins-here");
            configure?.Invoke(options);
        });
        if (builtInPlugins)
        {
            services.AddRulesPlugin<CalendarPlugin>().AddRulesPlugin<GroupBuyPlugin>().AddRulesPlugin<StreaksPlugin>();
        }

        return new TestHost(services.BuildServiceProvider());
    }

    public static RuleSetSource Source(RuleSetKind kind, string json, params string[] plugins) =>
        new(new RuleSetRef(Guid.NewGuid(), kind, 1), json, plugins);
}
