using CommunitySaaS.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunitySaaS.Core.Jobs;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.JobId).HasMaxLength(JobRunLimits.MaxJobIdLength);
        b.Property(x => x.RunKey).HasMaxLength(JobRunLimits.MaxRunKeyLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(JobRunLimits.MaxErrorLength);
        b.HasIndex(x => new { x.JobId, x.RunKey }).IsUnique();
        b.HasIndex(x => new { x.JobId, x.StartedAt });
    }
}

internal sealed class JobRunStepConfiguration : IEntityTypeConfiguration<JobRunStep>
{
    public void Configure(EntityTypeBuilder<JobRunStep> b)
    {
        b.Property(x => x.Id).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.RunId).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.StepKey).HasMaxLength(Ids.MaxLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(JobRunLimits.MaxErrorLength);
        b.HasIndex(x => new { x.RunId, x.StepKey }).IsUnique();
        b.HasOne<JobRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class JobRunLimits
{
    public const int MaxJobIdLength = 100;
    public const int MaxRunKeyLength = 200;
    public const int MaxErrorLength = 2000;

    public static string Clip(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
