using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Gives the current tenant an active version 1 of every kind it has no version of yet, from
/// <see cref="RuleSetTemplates"/>. Called where a brand is created (the platform's new brand, the demo seed);
/// brands created before rule sets existed got theirs from a data migration (<see cref="RuleSetBackfillMigrationSql"/>).
/// Never called from a read: reads never write. Safe to call again, also concurrently (the version's unique index decides).
/// </summary>
public sealed class RuleSetTemplateSeeder(AppDbContext db, TimeProvider time)
{
    public const string Actor = "system";
    public const string Note = "The default template";

    public Task EnsureAsync(CancellationToken ct = default) => RetryOnConflict.RunAsync(db, SeedMissingAsync, ct);

    /// <summary>A concurrent seed that wins a kind makes this attempt fail on the unique index; the retry then sees it and adds only the rest.</summary>
    private async Task<int> SeedMissingAsync(CancellationToken ct)
    {
        var present = await db.RuleSetVersions.Select(v => v.Kind).Distinct().ToListAsync(ct);
        var missing = RuleSetKinds.All.Except(present).ToList();
        if (missing.Count == 0) return 0;
        var now = time.GetUtcNow();
        db.RuleSetVersions.AddRange(missing.Select(kind => new RuleSetVersion
        {
            Kind = kind, Version = 1, Status = RuleSetStatus.Active, WorkflowJson = RuleSetTemplates.Default(kind),
            Note = Note, CreatedBy = Actor, CreatedAt = now, PublishedBy = Actor, PublishedAt = now,
        }));
        return await db.SaveChangesAsync(ct);
    }
}
