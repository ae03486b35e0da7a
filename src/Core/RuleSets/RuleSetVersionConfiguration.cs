using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.RuleSets;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(RuleSetLimits.MaxNoteLength);
        b.Property(x => x.PublishNote).HasMaxLength(RuleSetLimits.MaxNoteLength);
        b.Property(x => x.CreatedBy).HasMaxLength(RuleSetLimits.MaxActorLength);
        b.Property(x => x.PublishedBy).HasMaxLength(RuleSetLimits.MaxActorLength);
        b.HasIndex(x => new { x.TenantId, x.Kind, x.Version }).IsUnique();
        // At most one active version per tenant and kind, whatever races the publishers run. Double-quoted
        // identifiers are standard SQL: SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER ON) all read them.
        b.HasIndex(x => new { x.TenantId, x.Kind }).IsUnique().HasFilter("\"Status\" = 'Active'").HasDatabaseName("IX_RuleSetVersions_OneActive");
    }
}
