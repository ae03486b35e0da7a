using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Dashboard;
using CommunitySaaS.Core.Demo;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Core;

/// <summary>One <c>Add*</c> per Core feature, so the host (and tests) can compose exactly what they need.</summary>
public static class CoreSetup
{
    public static IServiceCollection AddTenantsFeature(this IServiceCollection services)
    {
        services.AddSingleton<TenantScopeFactory>();
        // A new brand starts with the template rule sets.
        services.TryAddScoped<RuleSetTemplateSeeder>();
        return services.AddScoped<TenantService>();
    }

    /// <summary>Console users and the dashboard; needs ASP.NET Core Identity's <c>UserManager</c> registered by the host.</summary>
    public static IServiceCollection AddConsoleFeatures(this IServiceCollection services)
    {
        services.AddScoped<UserService>();
        services.AddScoped<TenantOnboarding>();
        services.AddScoped<Nightly.NightlyRunQueries>();
        return services.AddScoped<DashboardService>();
    }

    public static IServiceCollection AddApiKeysFeature(this IServiceCollection services) => services.AddScoped<ApiKeyService>();

    public static IServiceCollection AddMembersFeature(this IServiceCollection services)
    {
        services.AddDomainEventType<MemberActivity>(MemberActivity.TypeName);
        services.AddDomainEventType<MemberCreated>(MemberCreated.TypeName);
        return services.AddScoped<MemberService>();
    }

    public static IServiceCollection AddCommunitiesFeature(this IServiceCollection services) => services.AddScoped<CommunityService>();

    public static IServiceCollection AddOrdersFeature(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddSingleton(configuration?.GetSection(OrderOptions.Section).Get<OrderOptions>() ?? new OrderOptions());
        services.AddMemoryCache();
        services.AddSingleton<OrderReferences>();
        services.AddSingleton(sp => new GroupCommit(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<GroupCommit>>(),
            sp.GetService<DatabaseOptions>()?.EffectiveGroupCommitWriters ?? 1));
        services.AddDomainEventType<OrderPaid>(OrderPaid.TypeName);
        services.AddDomainEventType<OrderFulfilled>(OrderFulfilled.TypeName);
        services.AddDomainEventType<OrderRefunded>(OrderRefunded.TypeName);
        return services.AddScoped<OrderService>();
    }

    /// <summary>Versioned rule sets and the runtime that evaluates the active ones; needs the rules library (<c>AddRules()</c>).</summary>
    public static IServiceCollection AddRuleSetsFeature(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.TryAddSingleton<ActiveRuleSetCache>();
        services.TryAddScoped<RuleSetTemplateSeeder>();
        services.AddScoped<ActiveRuleSets>();
        services.AddScoped<RuleSetService>();
        services.AddScoped<RuleSetPublisher>();
        services.AddScoped<RecentOrderCases>();
        services.AddScoped<RuleSetSimulationService>();
        services.AddScoped<IRuleSetRuntime, RuleSetRuntime>();
        return services.AddScoped<TenantPluginService>();
    }

    /// <summary>The job runs table that recurring jobs record their runs and per-brand checkpoints in.</summary>
    public static IServiceCollection AddJobRunsFeature(this IServiceCollection services) => services.AddScoped<JobRunStore>();

    public static IServiceCollection AddIdempotencyFeature(this IServiceCollection services) => services.AddScoped<IdempotencyStore>();

    public static IServiceCollection AddDatabaseMigrator(this IServiceCollection services) => services.AddScoped<DatabaseMigrator>();

    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions());
        return services.AddSingleton<DemoSeeder>();
    }
}
