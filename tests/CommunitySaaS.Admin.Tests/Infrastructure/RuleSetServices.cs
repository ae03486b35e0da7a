using CommunitySaaS.Core;
using CommunitySaaS.Plugins.Calendar;
using CommunitySaaS.Plugins.GroupBuy;
using CommunitySaaS.Plugins.Streaks;
using CommunitySaaS.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

internal static class RuleSetServices
{
    /// <summary>The rules library with the host's built-in plugins and the rule set feature, as the host registers them.</summary>
    public static IServiceCollection AddRuleSetsForConsole(this IServiceCollection services)
    {
        services.AddRules().AddRulesPlugin<CalendarPlugin>().AddRulesPlugin<GroupBuyPlugin>().AddRulesPlugin<StreaksPlugin>();
        return services.AddRuleSetsFeature();
    }
}
