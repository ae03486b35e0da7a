using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Events;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.AggregateId).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(OutboxLimits.MaxErrorLength);
        b.Property(x => x.ClaimToken).HasMaxLength(32);
        b.HasIndex(x => x.ProcessedAt);
        b.HasIndex(x => x.ClaimToken);
        b.HasIndex(x => new { x.TenantId, x.DeadLetteredAt });
        // Two events can never claim one position of an aggregate, whoever publishes them. Double-quoted
        // identifiers are standard SQL: SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER ON) all read them.
        b.HasIndex(x => new { x.TenantId, x.AggregateId, x.Sequence }).IsUnique()
            .HasFilter("\"AggregateId\" <> ''").HasDatabaseName("IX_OutboxMessages_AggregatePosition");
    }
}

internal sealed class InboxRecordConfiguration : IEntityTypeConfiguration<InboxRecord>
{
    public void Configure(EntityTypeBuilder<InboxRecord> b)
    {
        b.HasKey(x => new { x.EventId, x.Handler });
        b.Property(x => x.EventId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Handler).HasMaxLength(OutboxLimits.MaxHandlerNameLength);
    }
}

internal static class OutboxLimits
{
    public const int MaxErrorLength = 2000;
    public const int MaxHandlerNameLength = 200;
}
