using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tenants;

/// <summary>Platform-level tenant management, and a tenant's own settings.</summary>
public sealed class TenantService(AppDbContext db, ITenantStore store, ITenantContext context, TenantScopeFactory scopes, TimeProvider time, ICurrentActor actor)
{
    public async Task<ServiceResult<CreatedTenant>> CreateAsync(CreateTenant command, CancellationToken ct = default)
    {
        if (await db.Tenants.AnyAsync(t => t.Slug == command.Slug, ct))
        {
            return ServiceResult<CreatedTenant>.Conflict($"A brand with slug '{command.Slug}' already exists.");
        }
        var tenant = new Tenant
        {
            Slug = command.Slug, Name = command.Name.Trim(), Currency = command.Currency, TimeZone = command.TimeZone,
            ReturnWindowDays = command.ReturnWindowDays, CreatedAt = time.GetUtcNow(),
        };
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return ServiceResult<CreatedTenant>.Conflict($"A brand with slug '{command.Slug}' already exists.");
        }
        await using var scope = scopes.CreateScope(tenant.ToInfo(), actor);
        await scope.ServiceProvider.GetRequiredService<RuleSetTemplateSeeder>().EnsureAsync(ct);
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(new CreateApiKey("Default secret key", ApiKeyKind.Secret), ct);
        return ServiceResult<CreatedTenant>.Created(new CreatedTenant(ToView(tenant), key));
    }

    public async Task<Page<TenantView>> ListAsync(int limit, string? after, CancellationToken ct = default)
    {
        var page = new PageRequest(limit, after);
        var rows = await db.Tenants.AsNoTracking().Window(t => t.Id, page).ToListAsync(ct);
        return page.ToPage(rows, t => t.Id).Map(ToView);
    }

    public async Task<ServiceResult<TenantView>> SetStatusAsync(string slug, TenantStatus status, CancellationToken ct = default)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tenant is null) return ServiceResult<TenantView>.NotFound($"No brand with slug '{slug}'.");
        if (tenant.Status != status) AuditNames.Name(tenant, status == TenantStatus.Suspended ? "tenant.suspended" : "tenant.activated");
        tenant.Status = status;
        await db.SaveChangesAsync(ct);
        store.Invalidate(tenant.ToInfo());
        return ServiceResult<TenantView>.Ok(ToView(tenant));
    }

    /// <summary>The current tenant's settings.</summary>
    public async Task<TenantView> GetCurrentAsync(CancellationToken ct = default) =>
        ToView(await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == context.TenantId, ct));

    public async Task<ServiceResult<TenantView>> UpdateCurrentAsync(UpdateTenantSettings change, CancellationToken ct = default)
    {
        var tenant = await db.Tenants.SingleAsync(t => t.Id == context.TenantId, ct);
        if (change.Currency is not null && change.Currency != tenant.Currency && await db.Orders.AnyAsync(ct))
        {
            return ServiceResult<TenantView>.Invalid(nameof(UpdateTenantSettings.Currency), "The currency cannot change once the brand has orders.");
        }
        if (change.Name is not null) tenant.Name = change.Name.Trim();
        if (change.Currency is not null) tenant.Currency = change.Currency;
        if (change.TimeZone is not null) tenant.TimeZone = change.TimeZone;
        if (change.ReturnWindowDays is not null) tenant.ReturnWindowDays = change.ReturnWindowDays.Value;
        await db.SaveChangesAsync(ct);
        store.Invalidate(tenant.ToInfo());
        return ServiceResult<TenantView>.Ok(ToView(tenant));
    }

    private static TenantView ToView(Tenant t) => new(t.Id, t.Slug, t.Name, t.Currency, t.TimeZone, t.ReturnWindowDays, t.Status, t.CreatedAt);
}
