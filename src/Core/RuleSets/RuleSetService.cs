using System.Text.Json.Nodes;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>A tenant's rule set versions: read them, check a workflow, save a draft. Publishing is <see cref="RuleSetPublisher"/>.</summary>
public sealed class RuleSetService(AppDbContext db, IRuleSetValidator validator, TimeProvider time)
{
    private const int MaxSaveAttempts = 10;

    public async Task<Page<RuleSetVersionSummary>> ListAsync(RuleSetKind kind, RuleSetVersionQuery query, CancellationToken ct = default)
    {
        var versions = db.RuleSetVersions.AsNoTracking().Where(v => v.Kind == kind);
        if (query.After is { } after) versions = versions.Where(v => v.Version < after);
        var rows = await versions.OrderByDescending(v => v.Version).Take(query.Limit + 1).ToListAsync(ct);
        var page = PageRequest.ToPage(rows, query.Limit, v => v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Page<RuleSetVersionSummary>(page.Data.Select(Summary).ToList(), page.HasMore, page.NextCursor);
    }

    public async Task<ServiceResult<RuleSetVersionView>> GetAsync(RuleSetKind kind, int version, CancellationToken ct = default) =>
        await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Version == version, ct) is { } found
            ? ServiceResult<RuleSetVersionView>.Ok(View(found))
            : ServiceResult<RuleSetVersionView>.NotFound($"There is no {RuleSetKinds.Name(kind)} rule set version {version}.");

    public async Task<ServiceResult<RuleSetVersionView>> GetActiveAsync(RuleSetKind kind, CancellationToken ct = default)
    {
        return await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Status == RuleSetStatus.Active, ct) is { } active
            ? ServiceResult<RuleSetVersionView>.Ok(View(active))
            : ServiceResult<RuleSetVersionView>.NotFound($"No {RuleSetKinds.Name(kind)} rule set version is active.");
    }

    /// <summary>Checks a workflow against the tenant's enabled plugins without saving it.</summary>
    public async Task<ServiceResult<RuleSetValidationView>> ValidateAsync(RuleSetKind kind, string workflowJson, CancellationToken ct = default)
    {
        var result = validator.Validate(kind, workflowJson, await db.EnabledPluginNamesAsync(ct));
        return result.IsValid
            ? ServiceResult<RuleSetValidationView>.Ok(new RuleSetValidationView(true, []))
            : RuleSetProblems.Invalid<RuleSetValidationView>(result.Errors);
    }

    /// <summary>Saves a valid workflow as the next version, a draft; an invalid one is refused, nothing saved.</summary>
    public async Task<ServiceResult<RuleSetVersionView>> CreateDraftAsync(
        RuleSetKind kind, string workflowJson, string? note, string actor, int? basedOnVersion = null, CancellationToken ct = default)
    {
        var validation = await ValidateAsync(kind, workflowJson, ct);
        if (!validation.Succeeded) return validation.As<RuleSetVersionView>();
        for (var attempt = 1; ; attempt++)
        {
            var next = 1 + (await db.RuleSetVersions.Where(v => v.Kind == kind).MaxAsync(v => (int?)v.Version, ct) ?? 0);
            var draft = new RuleSetVersion
            {
                Kind = kind, Version = next, Status = RuleSetStatus.Draft, WorkflowJson = workflowJson, Note = note?.Trim(),
                BasedOnVersion = basedOnVersion, CreatedBy = actor, CreatedAt = time.GetUtcNow(),
            };
            db.RuleSetVersions.Add(draft);
            try
            {
                await db.SaveChangesAsync(ct);
                return ServiceResult<RuleSetVersionView>.Created(View(draft));
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < MaxSaveAttempts)
            {
                // Another draft took this number first: take the next one.
                db.Entry(draft).State = EntityState.Detached;
            }
        }
    }

    internal static RuleSetVersionSummary Summary(RuleSetVersion v) =>
        new(v.Id, v.Kind, v.Version, v.Status, v.Note, v.BasedOnVersion, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt, v.PublishNote, v.ArchivedAt);

    internal static RuleSetVersionView View(RuleSetVersion v) =>
        new(v.Id, v.Kind, v.Version, v.Status, v.Note, v.BasedOnVersion, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt, v.PublishNote, v.ArchivedAt,
            JsonNode.Parse(v.WorkflowJson)!);
}
