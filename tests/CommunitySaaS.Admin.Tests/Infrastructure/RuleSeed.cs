using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

/// <summary>Rule set versions and plugins written through the same Core services the console and the API use.</summary>
public sealed class RuleSeed(IServiceProvider services, TenantInfo tenant)
{
    /// <summary>A points rule set with one order rule whose output is <paramref name="output"/>.</summary>
    public static string Points(string output, string expression = "order.Total > 0", string rule = "OrderPaid") => $$"""
        { "WorkflowName": "points", "Rules": [ { "RuleName": "{{rule}}", "Expression": "{{expression.Replace("\"", "\\\"", StringComparison.Ordinal)}}",
          "Properties": { "event": "order.paid" }, "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "{{output}}" } } } } ] }
        """;

    public static string Commission(string level1Rate) => $$"""
        { "WorkflowName": "commission", "Rules": [
          { "RuleName": "Level1", "Expression": "true", "Properties": { "level": 1 }, "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "{{level1Rate}}" } } } },
          { "RuleName": "Level2", "Expression": "true", "Properties": { "level": 2 }, "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "0.03" } } } } ] }
        """;

    public async Task<RuleSetVersionView> DraftAsync(RuleSetKind kind, string json, string? note = null)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<RuleSetService>().CreateDraftAsync(kind, json, note, "seed");
        return result.Value ?? throw new InvalidOperationException($"{result.Message} {string.Join(" ", result.Errors?.SelectMany(e => e.Value) ?? [])}");
    }

    public async Task<RuleSetVersionView> PublishAsync(RuleSetKind kind, int version)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<RuleSetPublisher>().PublishAsync(kind, version, null, "seed")).Value!;
    }

    public async Task<RuleSetVersionView> ActiveAsync(RuleSetKind kind)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<RuleSetService>().GetActiveAsync(kind)).Value!;
    }

    public async Task<IReadOnlyList<RuleSetVersionSummary>> VersionsAsync(RuleSetKind kind)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<RuleSetService>().ListAsync(kind, new RuleSetVersionQuery(100))).Data;
    }

    public async Task EnablePluginAsync(string name)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        await scope.ServiceProvider.GetRequiredService<TenantPluginService>().EnableAsync(name, "seed");
    }

    public async Task<IReadOnlyList<TenantPluginView>> PluginsAsync()
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<TenantPluginService>().ListAsync();
    }
}
