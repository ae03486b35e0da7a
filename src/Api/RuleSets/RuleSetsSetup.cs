using CommunitySaaS.Core;
using CommunitySaaS.Plugins.Calendar;
using CommunitySaaS.Plugins.GroupBuy;
using CommunitySaaS.Plugins.Streaks;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Api.RuleSets;

public static class RuleSetsSetup
{
    /// <summary>The rules library with the built-in plugins, external plugins as <c>Rules:AllowedPluginAssemblies</c> allows, and the rule set feature.</summary>
    public static WebApplicationBuilder AddRuleSets(this WebApplicationBuilder builder)
    {
        var allowed = builder.Configuration.GetSection("Rules:AllowedPluginAssemblies").Get<string[]>() ?? [];
        builder.Services.AddRules(options =>
            {
                options.PluginFolder = builder.Configuration["Rules:PluginFolder"] ?? options.PluginFolder;
                foreach (var name in allowed) options.AllowedPluginAssemblies.Add(name);
            })
            .AddRulesPlugin<CalendarPlugin>()
            .AddRulesPlugin<GroupBuyPlugin>()
            .AddRulesPlugin<StreaksPlugin>();
        builder.Services.AddRuleSetsFeature();
        builder.Services.AddHostedService<RulesWarmup>();
        return builder;
    }
}
