using CommunitySaaS.Plugins;
using CommunitySaaS.Rules.Caching;
using CommunitySaaS.Rules.Compilation;
using CommunitySaaS.Rules.Evaluation;
using CommunitySaaS.Rules.Simulation;
using CommunitySaaS.Rules.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Rules;

/// <summary>Registers the rules library.</summary>
public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the validator, compile cache, evaluator, simulator and plugin catalog, all singletons.
    /// Built-in plugins are added with <see cref="AddRulesPlugin{TPlugin}"/>.
    /// </summary>
    public static IServiceCollection AddRules(this IServiceCollection services, Action<RulesOptions>? configure = null)
    {
        var options = new RulesOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPluginCatalog>(provider => new PluginCatalog(provider.GetServices<IRulesPlugin>(), provider.GetRequiredService<RulesOptions>()));
        services.TryAddSingleton(provider => new RuleSetCompiler(
            provider.GetRequiredService<RulesOptions>(), provider.GetRequiredService<IPluginCatalog>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RuleSetCache>();
        services.TryAddSingleton<IRuleSetCache>(provider => provider.GetRequiredService<RuleSetCache>());
        services.TryAddSingleton<IRuleSetValidator, RuleSetValidator>();
        services.TryAddSingleton<IRuleEvaluator, RuleEvaluator>();
        services.TryAddSingleton<IRuleSimulator, RuleSimulator>();
        return services;
    }

    /// <summary>Adds a built-in plugin to the catalog; tenants still enable it by name.</summary>
    public static IServiceCollection AddRulesPlugin<TPlugin>(this IServiceCollection services)
        where TPlugin : class, IRulesPlugin
    {
        services.AddSingleton<IRulesPlugin, TPlugin>();
        return services;
    }
}
