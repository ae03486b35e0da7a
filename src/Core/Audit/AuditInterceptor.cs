using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunitySaaS.Core.Audit;

/// <summary>
/// Writes the audit log as part of every SaveChanges of <see cref="AppDbContext"/>, so no feature has to remember
/// to: one event per insert, update or delete of an <see cref="AuditableAttribute"/> entity, and the actor, time,
/// request and address stamped on events <see cref="AuditNames.Record"/> added. The events go in the same
/// statement batch and transaction as the change: both commit or neither. Audit events themselves are never
/// updated or deleted. Scoped, so it reads the scope's <see cref="ICurrentActor"/>.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor current, TimeProvider time) : SaveChangesInterceptor
{
    private readonly List<AuditEvent> _generated = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        _generated.Clear();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _generated.Clear();
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is not AppDbContext db) return;
        var entries = db.ChangeTracker.Entries().ToList();
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            if (entry.Entity is AuditEvent recorded)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit events are append-only: one may not be updated or deleted.");
                }
                if (entry.State == EntityState.Added && recorded.ActorType.Length == 0) Stamp(recorded, db.CurrentTenantId, now);
                continue;
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (AuditModel.For(entry.Metadata.ClrType) is not { } model || TenantOf(entry) is not { } tenantId) continue;
            if (AuditChanges.Of(entry, model) is not { } changes) continue;
            var audit = new AuditEvent
            {
                Action = AuditNames.Take(entry.Entity) ?? entry.State switch
                {
                    EntityState.Added => model.Created,
                    EntityState.Deleted => model.Deleted,
                    _ => model.Updated,
                },
                TargetType = model.Name,
                TargetId = KeyOf(entry),
                Changes = changes.ToJsonString(AuditChanges.Json),
            };
            Stamp(audit, tenantId, now);
            _generated.Add(audit);
        }
        db.Set<AuditEvent>().AddRange(_generated);
    }

    private void Stamp(AuditEvent audit, string? tenantId, DateTimeOffset now)
    {
        audit.TenantId = tenantId ?? throw new InvalidOperationException($"The audited action {audit.Action} has no tenant in context to log it in.");
        audit.OccurredAt = now;
        audit.ActorType = current.Actor.Type;
        audit.ActorId = Cut(current.Actor.Id, AuditLimits.ActorId)!;
        audit.ActorName = Cut(current.Actor.Name, AuditLimits.ActorName);
        audit.RequestId = Cut(current.RequestId, AuditLimits.RequestId);
        audit.IpAddress = Cut(current.IpAddress, AuditLimits.IpAddress);
    }

    /// <summary>A failed save is retried or abandoned with the entity changes still tracked: drop its events so a retry writes them once.</summary>
    private void Forget(DbContext? context)
    {
        if (context is null) return;
        foreach (var audit in _generated) context.Entry(audit).State = EntityState.Detached;
        _generated.Clear();
    }

    /// <summary>The brand whose log the change belongs in: a tenant-owned row's, a brand's own, a console user's; none for platform rows.</summary>
    private static string? TenantOf(EntityEntry entry) => entry.Entity switch
    {
        ITenantOwned owned => owned.TenantId,
        Tenant tenant => tenant.Id,
        _ => entry.Metadata.FindProperty(nameof(ITenantOwned.TenantId)) is { } p ? entry.Property(p.Name).CurrentValue as string : null,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(":", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
