using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable(AuditTriggerSql.Table);
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.ActorType).HasMaxLength(AuditLimits.ActorType);
        b.Property(x => x.ActorId).HasMaxLength(AuditLimits.ActorId);
        b.Property(x => x.ActorName).HasMaxLength(AuditLimits.ActorName);
        b.Property(x => x.Action).HasMaxLength(AuditLimits.Action);
        b.Property(x => x.TargetType).HasMaxLength(AuditLimits.TargetType);
        b.Property(x => x.TargetId).HasMaxLength(AuditLimits.TargetId);
        b.Property(x => x.RequestId).HasMaxLength(AuditLimits.RequestId);
        b.Property(x => x.IpAddress).HasMaxLength(AuditLimits.IpAddress);
        // The filters of GET /audit-events, each walked newest first.
        b.HasIndex(x => new { x.TenantId, x.Action, x.Id });
        b.HasIndex(x => new { x.TenantId, x.ActorId, x.Id });
        b.HasIndex(x => new { x.TenantId, x.TargetId, x.Id });
    }
}

public static class AuditLimits
{
    public const int ActorType = 16;
    public const int ActorId = 100;
    public const int ActorName = 256;
    public const int Action = 80;
    public const int TargetType = 60;
    public const int TargetId = 200;
    public const int RequestId = 100;
    public const int IpAddress = 45;

    /// <summary>A long value (a workflow's JSON) is cut here in the summary; the entity itself keeps all of it.</summary>
    public const int SummaryValue = 500;
}
