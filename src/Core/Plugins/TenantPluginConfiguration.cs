using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.RuleSets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Plugins;

internal sealed class TenantPluginConfiguration : IEntityTypeConfiguration<TenantPlugin>
{
    public void Configure(EntityTypeBuilder<TenantPlugin> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.EnabledBy).HasMaxLength(RuleSetLimits.MaxActorLength);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}
