using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

public sealed class TenantModelTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public void EveryEntity_IsTenantScopedOrExplicitlyGlobal()
    {
        using var db = database.Open(null);
        var unscoped = db.Model.GetEntityTypes()
            .Where(t => t.BaseType is null)
            .Where(t => t.FindAnnotation(TenantModel.GlobalAnnotation) is null)
            .Where(t => !(typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.GetDeclaredQueryFilters().Any(f => f.Key == AppDbContext.TenantFilter)))
            .Select(t => t.DisplayName()).ToList();
        unscoped.ShouldBeEmpty();
    }

    [Fact]
    public async Task Queries_SeeOnlyTheCurrentTenant_AndNothingWithoutOne()
    {
        var a = await database.AddTenantAsync($"a{Guid.NewGuid():N}"[..10]);
        var b = await database.AddTenantAsync($"b{Guid.NewGuid():N}"[..10]);
        await using (var asA = database.Open(a))
        {
            asA.Members.Add(new Member { ExternalId = "same-id", CreatedAt = DateTimeOffset.UtcNow });
            await asA.SaveChangesAsync();
        }
        await using (var asB = database.Open(b))
        {
            (await asB.Members.AnyAsync(m => m.ExternalId == "same-id")).ShouldBeFalse();
        }
        await using var nobody = database.Open(null);
        (await nobody.Members.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task SaveChanges_RefusesWrite_WhenEntityBelongsToAnotherTenant()
    {
        var a = await database.AddTenantAsync($"a{Guid.NewGuid():N}"[..10]);
        var b = await database.AddTenantAsync($"b{Guid.NewGuid():N}"[..10]);
        await using var asB = database.Open(b);
        asB.Members.Add(new Member { ExternalId = "smuggled", TenantId = a.Id, CreatedAt = DateTimeOffset.UtcNow });
        await Should.ThrowAsync<InvalidOperationException>(() => asB.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_RefusesTenantOwnedWrite_WhenNoTenantIsInContext()
    {
        await using var nobody = database.Open(null);
        nobody.Members.Add(new Member { ExternalId = "orphan", CreatedAt = DateTimeOffset.UtcNow });
        await Should.ThrowAsync<InvalidOperationException>(() => nobody.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_StampsTenant_WhenEntityHasNone()
    {
        var a = await database.AddTenantAsync($"a{Guid.NewGuid():N}"[..10]);
        await using var asA = database.Open(a);
        var member = new Member { ExternalId = "stamped", CreatedAt = DateTimeOffset.UtcNow };
        asA.Members.Add(member);
        await asA.SaveChangesAsync();
        member.TenantId.ShouldBe(a.Id);
    }
}
