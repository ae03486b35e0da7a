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
        services.TryAddSingleton<IPluginCatalog>(provider => new PluginCatalog(provider.GetServices<IRulesPlugin>(), provider.GetRequiredService<RulesOptions>()));
        // The budgets time work, not business time: always the system's monotonic clock, never a host's (fake or shifted)
        // calendar clock, whose jump would fail a compile, and the cache would keep that failure for the version.
        services.TryAddSingleton(provider => new RuleSetCompiler(
            provider.GetRequiredService<RulesOptions>(), provider.GetRequiredService<IPluginCatalog>(), TimeProvider.System));
        services.TryAddSingleton<RuleSetCache>();
        services.TryAddSingleton<IRuleSetCache>(provider => provider.GetRequiredService<RuleSetCache>());
        services.TryAddSingleton<IRuleSetValidator, RuleSetValidator>();
        services.TryAddSingleton<IRuleEvaluator>(provider => new RuleEvaluator(
            provider.GetRequiredService<RuleSetCache>(), provider.GetRequiredService<RulesOptions>(), TimeProvider.System));
        services.TryAddSingleton<IRuleSimulator>(provider => new RuleSimulator(
            provider.GetRequiredService<RuleSetCompiler>(), provider.GetRequiredService<RulesOptions>(), TimeProvider.System));
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
