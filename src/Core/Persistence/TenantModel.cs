using System.Linq.Expressions;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommunitySaaS.Core.Persistence;

/// <summary>Tenant isolation in the model: the query filter on every tenant-owned entity and the write guard.</summary>
public static class TenantModel
{
    /// <summary>Annotation set on entity types that are deliberately not tenant-scoped.</summary>
    public const string GlobalAnnotation = "CommunitySaaS:Global";

    internal static void Apply(ModelBuilder builder, AppDbContext context)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            var clr = entityType.ClrType;
            if (typeof(ITenantOwned).IsAssignableFrom(clr))
            {
                var entity = Expression.Parameter(clr, "e");
                var filter = Expression.Lambda(
                    Expression.Equal(
                        Expression.Property(entity, nameof(ITenantOwned.TenantId)),
                        Expression.Property(Expression.Constant(context), nameof(AppDbContext.CurrentTenantId))),
                    entity);
                builder.Entity(clr).HasQueryFilter(AppDbContext.TenantFilter, filter);
                builder.Entity(clr).Property(nameof(ITenantOwned.TenantId)).HasMaxLength(40).IsRequired();
                builder.Entity(clr).HasIndex(nameof(ITenantOwned.TenantId));
            }
            else if (typeof(IGlobalEntity).IsAssignableFrom(clr) || IsIdentityFrameworkType(clr) || IsDataProtectionKeyRing(clr))
            {
                entityType.SetAnnotation(GlobalAnnotation, true);
            }
        }
    }

    /// <summary>ASP.NET Core Identity's own tables (roles, claims, logins, tokens, passkeys) hang off global users.</summary>
    private static bool IsIdentityFrameworkType(Type clr) =>
        clr.Namespace == "Microsoft.AspNetCore.Identity";

    /// <summary>Data Protection's key ring protects every brand's secrets alike: one ring for the platform.</summary>
    private static bool IsDataProtectionKeyRing(Type clr) =>
        clr.Namespace == "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore";

    internal static void GuardWrites(ChangeTracker tracker, string? currentTenantId, IReadOnlySet<string>? batchTenants = null)
    {
        foreach (var entry in tracker.Entries<ITenantOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added when batchTenants is not null && batchTenants.Contains(entry.Entity.TenantId):
                    break;
                case EntityState.Added when string.IsNullOrEmpty(entry.Entity.TenantId):
                    entry.Entity.TenantId = currentTenantId
                        ?? throw new InvalidOperationException($"A {entry.Entity.GetType().Name} was added with no tenant in context.");
                    break;
                case EntityState.Added or EntityState.Modified or EntityState.Deleted
                    when entry.Entity.TenantId != currentTenantId:
                    throw new InvalidOperationException(
                        $"Refused to write a {entry.Entity.GetType().Name} of another tenant than the one in context.");
            }
        }
    }
}
