using CommunitySaaS.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tenancy;

/// <summary>
/// Opens a DI scope bound to one tenant: how background work (jobs, the outbox) runs "as" a tenant,
/// with the same query filters and save guard as a request.
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(TenantInfo tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        return scope;
    }

    /// <summary>A tenant scope that acts as the caller's actor, so work it does for a request is logged as that request's.</summary>
    public AsyncServiceScope CreateScope(TenantInfo tenant, ICurrentActor actingAs)
    {
        var scope = CreateScope(tenant);
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().Set(actingAs.Actor, actingAs.RequestId, actingAs.IpAddress);
        return scope;
    }

    /// <summary>Runs <paramref name="work"/> once per active tenant; suspended tenants are skipped.</summary>
    public async Task ForEachActiveTenantAsync(Func<IServiceProvider, TenantInfo, CancellationToken, Task> work, CancellationToken ct)
    {
        IReadOnlyList<TenantInfo> tenants;
        await using (var root = scopes.CreateAsyncScope())
        {
            tenants = await root.ServiceProvider.GetRequiredService<ITenantStore>().ListActiveAsync(ct);
        }
        foreach (var tenant in tenants)
        {
            await using var scope = CreateScope(tenant);
            await work(scope.ServiceProvider, tenant, ct);
        }
    }
}
