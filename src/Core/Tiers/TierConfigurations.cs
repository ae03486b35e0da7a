using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Tiers;

internal sealed class TierDefinitionConfiguration : IEntityTypeConfiguration<TierDefinition>
{
    public void Configure(EntityTypeBuilder<TierDefinition> b)
    {
        b.ToTable("TierDefinitions");
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Code).HasMaxLength(TierLimits.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(TierLimits.MaxNameLength);
        b.Property(x => x.CustomBenefits).HasMaxLength(TierLimits.MaxBenefitsLength);
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Rank }).IsUnique();
    }
}

internal sealed class TierPolicyConfiguration : IEntityTypeConfiguration<TierPolicy>
{
    public void Configure(EntityTypeBuilder<TierPolicy> b)
    {
        b.ToTable("TierPolicies");
        b.HasKey(x => x.TenantId);
    }
}

internal sealed class MemberTierConfiguration : IEntityTypeConfiguration<MemberTier>
{
    public void Configure(EntityTypeBuilder<MemberTier> b)
    {
        b.ToTable("MemberTiers");
        b.HasKey(x => x.MemberId);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.EarnedCode).HasMaxLength(TierLimits.MaxCodeLength);
        b.Property(x => x.PaidCode).HasMaxLength(TierLimits.MaxCodeLength);
        // Members per tier on the dashboard, and the nightly pass over held tiers.
        b.HasIndex(x => new { x.TenantId, x.EarnedCode });
        b.HasOne<Member>().WithOne().HasForeignKey<MemberTier>(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberTierChangeConfiguration : IEntityTypeConfiguration<MemberTierChange>
{
    public void Configure(EntityTypeBuilder<MemberTierChange> b)
    {
        b.ToTable("MemberTierChanges");
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.MemberId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.FromCode).HasMaxLength(TierLimits.MaxCodeLength);
        b.Property(x => x.ToCode).HasMaxLength(TierLimits.MaxCodeLength);
        b.Property(x => x.Source).HasMaxLength(16);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Trigger).HasMaxLength(TierLimits.MaxTriggerLength);
        b.Property(x => x.RuleSetVersionId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.RuleName).HasMaxLength(200);
        // One history row per state revision: the second of two racing evaluations cannot record the same change.
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.Revision }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.MemberId, x.Id });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class TierLimits
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 100;
    public const int MaxBenefitsLength = 1000;
    public const int MaxTriggerLength = 200;
    public const int MaxTiers = 20;
}
