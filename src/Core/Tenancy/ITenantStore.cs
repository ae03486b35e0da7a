namespace CommunitySaaS.Core.Tenancy;

public interface ITenantStore
{
    Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken ct = default);
    Task<TenantInfo?> FindByIdAsync(string id, CancellationToken ct = default);
    Task<IReadOnlyList<TenantInfo>> ListActiveAsync(CancellationToken ct = default);
    void Invalidate(TenantInfo tenant);
}
