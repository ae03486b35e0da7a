using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Idempotency;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(x => x.Scope).HasMaxLength(80);
        b.Property(x => x.Key).HasMaxLength(255);
        b.HasIndex(x => new { x.Scope, x.Key }).IsUnique();
        b.HasIndex(x => x.ExpiresAt);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(100);
    }
}
