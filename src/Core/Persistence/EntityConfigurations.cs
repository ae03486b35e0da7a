using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Persistence;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Type).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.ClaimToken).HasMaxLength(32);
        b.HasIndex(x => x.ProcessedAt);
        b.HasIndex(x => x.ClaimToken);
    }
}
