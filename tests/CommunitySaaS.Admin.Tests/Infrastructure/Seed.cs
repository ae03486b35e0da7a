using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

/// <summary>Test data written through the same Core services the API uses, in the brand given.</summary>
public sealed class Seed(IServiceProvider services)
{
    public async Task MembersAsync(TenantInfo tenant, int count, string prefix = "m")
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var members = scope.ServiceProvider.GetRequiredService<MemberService>();
        for (var i = 1; i <= count; i++)
        {
            await members.UpsertAsync($"{prefix}{i:000}", new UpsertMember($"{tenant.Name} Person {i:000}", $"{prefix}{i}@{tenant.Identifier}.example"));
        }
    }

    public async Task<CommunityView> CommunityAsync(TenantInfo tenant, string name, string? leader = null)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<CommunityService>().CreateAsync(new SaveCommunity(name, CommunityKind.OnlineGroup, leader))).Value!;
    }

    public async Task<OrderView> OrderAsync(TenantInfo tenant, string orderId, string member, decimal price, string? communityId = null, DateTimeOffset? paidAt = null)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<OrderService>().CreateAsync(
            new CreateOrder(orderId, member, tenant.Currency, [new CreateOrderLine("SKU-1", "tea", 2, price)], communityId, null, paidAt));
        return result.Value!;
    }

    public async Task<CreatedApiKey> KeyAsync(TenantInfo tenant, string name)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(new CreateApiKey(name, ApiKeyKind.Secret));
    }

    public async Task<UserView> UserAsync(TenantInfo tenant, string email, string role)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        return (await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(new CreateUser(email, email, role, "Passw0rd-123"))).Value!;
    }
}
