using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// Makes a version the active one. Exactly one version per kind is active even when publishes race: the
/// switch is two conditional updates in one transaction, and a unique filtered index refuses a second
/// active row, in which case the loser simply runs the switch again on top of the winner.
/// </summary>
public sealed class RuleSetPublisher(
    AppDbContext db, RuleSetService ruleSets, IRuleSetValidator validator, IRuleSetCache compiled, ActiveRuleSetCache active,
    ITenantContext tenant, TimeProvider time)
{
    private const int MaxAttempts = 20;

    public Task<ServiceResult<RuleSetVersionView>> PublishAsync(RuleSetKind kind, int version, string? note, string actor, CancellationToken ct = default) =>
        PublishAsync(kind, version, note, actor, new RuleSetAudit("rule_set.published", null), ct);

    private async Task<ServiceResult<RuleSetVersionView>> PublishAsync(
        RuleSetKind kind, int version, string? note, string actor, RuleSetAudit audit, CancellationToken ct)
    {
        var target = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Version == version, ct);
        if (target is null) return VersionNotFound(kind, version);
        if (target.Status != RuleSetStatus.Draft) return NotADraft(target);
        // Plugins may have been disabled since the draft was saved: check again against today's set.
        var plugins = await db.EnabledPluginNamesAsync(ct);
        var validation = validator.Validate(kind, target.WorkflowJson, plugins);
        if (!validation.IsValid) return RuleSetProblems.Invalid<RuleSetVersionView>(validation.Errors);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await SwitchAsync(target, note, actor, audit, ct)) return NotADraft(await ReloadAsync(target, ct));
                break;
            }
            catch (Exception ex) when (DbErrors.IsUniqueViolation(ex) && attempt < MaxAttempts)
            {
                // Another publish of this kind committed in between; archive its version on the next try.
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
            }
        }

        var tenantId = tenant.TenantId!;
        active.Invalidate(tenantId, kind);
        compiled.Warm(new RuleSetRef(IdGuids.Of(tenantId), kind, version), target.WorkflowJson, plugins);
        return await ruleSets.GetAsync(kind, version, ct);
    }

    /// <summary>Brings back an earlier published version as a new version (history stays as it was), and publishes it.</summary>
    public async Task<ServiceResult<RuleSetVersionView>> RollbackAsync(RuleSetKind kind, int version, string? note, string actor, CancellationToken ct = default)
    {
        var source = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Version == version, ct);
        if (source is null) return VersionNotFound(kind, version);
        if (source.Status == RuleSetStatus.Active) return ServiceResult<RuleSetVersionView>.Conflict($"Version {version} is already the active one.");
        if (source.PublishedAt is null)
        {
            return ServiceResult<RuleSetVersionView>.Conflict($"Version {version} was never published; publish the draft instead of rolling back to it.");
        }
        var why = string.IsNullOrWhiteSpace(note) ? $"Rollback to version {version}" : $"Rollback to version {version}: {note.Trim()}";
        var copy = await ruleSets.CreateDraftAsync(kind, source.WorkflowJson, why, actor, basedOnVersion: version, ct);
        if (!copy.Succeeded) return copy;
        return await PublishAsync(kind, copy.Value!.Version, why, actor, new RuleSetAudit("rule_set.rolled_back", version), ct);
    }

    private async Task<bool> SwitchAsync(RuleSetVersion target, string? note, string actor, RuleSetAudit audit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Writes first, reads never: on SQLite the transaction holds the write lock from its first statement.
        await db.RuleSetVersions
            .Where(v => v.Kind == target.Kind && v.Status == RuleSetStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, RuleSetStatus.Archived).SetProperty(v => v.ArchivedAt, now), ct);
        var published = await db.RuleSetVersions
            .Where(v => v.Id == target.Id && v.Status == RuleSetStatus.Draft)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.Status, RuleSetStatus.Active)
                .SetProperty(v => v.PublishedAt, now)
                .SetProperty(v => v.PublishedBy, actor)
                .SetProperty(v => v.PublishNote, note == null ? null : note.Trim()), ct);
        if (published == 0) return false;
        // Conditional updates bypass the change tracker, so the switch names itself in the log, in its transaction.
        db.Record(audit.Action, "rule_set_version", target.Id, new
        {
            kind = RuleSetKinds.Name(target.Kind), version = target.Version, note = note?.Trim(), rolledBackTo = audit.RolledBackTo,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record RuleSetAudit(string Action, int? RolledBackTo);

    private async Task<RuleSetVersion> ReloadAsync(RuleSetVersion version, CancellationToken ct) =>
        await db.RuleSetVersions.AsNoTracking().SingleAsync(v => v.Id == version.Id, ct);

    private static ServiceResult<RuleSetVersionView> NotADraft(RuleSetVersion version) =>
        ServiceResult<RuleSetVersionView>.Conflict(version.Status == RuleSetStatus.Active
            ? $"Version {version.Version} is already active."
            : $"Version {version.Version} is {version.Status.ToString().ToLowerInvariant()}; only a draft is published. To bring it back, roll back to it.");

    private static ServiceResult<RuleSetVersionView> VersionNotFound(RuleSetKind kind, int version) =>
        ServiceResult<RuleSetVersionView>.NotFound($"There is no {RuleSetKinds.Name(kind)} rule set version {version}.");
}
