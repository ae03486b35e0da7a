using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Users;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.TenantId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Role).HasMaxLength(16);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.HasIndex(x => x.TenantId);
    }
}
