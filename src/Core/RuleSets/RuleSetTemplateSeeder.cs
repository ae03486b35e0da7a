using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Gives the current tenant an active version 1 of every kind it has no version of yet, from
/// <see cref="RuleSetTemplates"/>: for new brands, the demo brand, and brands created before rule sets existed.
/// Safe to call any number of times, also concurrently (the version's unique index decides).
/// </summary>
public sealed class RuleSetTemplateSeeder(AppDbContext db, TimeProvider time)
{
    public const string Actor = "system";

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var present = await db.RuleSetVersions.Select(v => v.Kind).Distinct().ToListAsync(ct);
        var missing = RuleSetKinds.All.Except(present).ToList();
        if (missing.Count == 0) return;
        var now = time.GetUtcNow();
        var added = missing.Select(kind => new RuleSetVersion
        {
            Kind = kind, Version = 1, Status = RuleSetStatus.Active, WorkflowJson = RuleSetTemplates.Default(kind),
            Note = "The default template", CreatedBy = Actor, CreatedAt = now, PublishedBy = Actor, PublishedAt = now,
        }).ToList();
        db.RuleSetVersions.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another request seeded some of these kinds first: theirs stand, the rest are tried again.
            foreach (var version in added) db.Entry(version).State = EntityState.Detached;
            await EnsureAsync(ct);
        }
    }
}
