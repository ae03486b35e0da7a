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
        // Every tracked update of a message is conditional on the claim it was made under (see HandlerRun).
        b.Property(x => x.ClaimToken).HasMaxLength(32).IsConcurrencyToken();
        // Only processed rows (for the purge): an index holding the pending rows too looked, to SQLite's planner, like the
        // cheapest way to find pending ones, and the claim then read the whole backlog and sorted it.
        b.HasIndex(x => x.ProcessedAt).HasFilter("\"ProcessedAt\" IS NOT NULL");
        // The claim walks pending messages oldest first and stops after a batch of eligible ones: with this
        // index its cost follows the batch, not the backlog.
        b.HasIndex(x => new { x.StoredAt, x.Id }).HasFilter("\"ProcessedAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Pending");
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
