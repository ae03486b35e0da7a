using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>How an evaluation may move a member: events only up, the nightly run both ways.</summary>
public enum TierEvaluationMode { UpgradeOnly, Full }

/// <summary>
/// Qualifies members by the brand's <c>tiers</c> rule set on their statistics as stored now, and writes what
/// <see cref="TierDecision"/> says. Idempotent: evaluating the same database state again writes nothing. Each write is a
/// conditional update on the state's revision taken under the member's row lock, with the history row keyed by the new
/// revision, so racing evaluations of one member record one change once. Runs in the caller's transaction.
/// </summary>
public sealed class TierEvaluator(
    AppDbContext db, ITenantContext tenant, MemberStats stats, IRuleSetRuntime rules, IEventPublisher events)
{
    public async Task<int> EvaluateAsync(
        IReadOnlyCollection<string> memberIds, DateTimeOffset asOf, string trigger, TierEvaluationMode mode, CancellationToken ct)
    {
        var tiers = await TierCatalog.LoadAsync(db, ct);
        // A brand that has defined no tier has tiers switched off: there is nothing a rule could grant.
        if (tiers.IsEmpty || memberIds.Count == 0) return 0;
        var policy = await db.Set<TierPolicy>().AsNoTracking().FirstOrDefaultAsync(ct) ?? TierPolicy.Default;
        var facts = await MemberFactsLoader.LoadAsync(db, memberIds, ct);
        var statistics = await stats.ForAsync(memberIds, asOf, ct);
        var states = await db.Set<MemberTier>().AsNoTracking().Where(m => memberIds.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, ct);

        var changed = 0;
        foreach (var (memberId, member) in facts)
        {
            var state = states.GetValueOrDefault(memberId);
            var memberStats = statistics[memberId];
            var evaluation = await rules.EvaluateTierAsync(new RuleFacts(Member: member with { Tier = state?.EarnedCode }, Stats: memberStats), asOf, ct);
            var qualified = tiers.Resolve(evaluation);
            var outcome = Decide(state, tiers, qualified, policy, asOf, mode);
            if (outcome is null) continue;
            if (await WriteAsync(memberId, outcome, qualified, tiers, policy, asOf, mode, new Evidence(trigger, evaluation.Record, memberStats), ct)) changed++;
        }
        return changed;
    }

    private static TierOutcome? Decide(MemberTier? state, TierCatalog tiers, RankedTier qualified, TierPolicy policy, DateTimeOffset asOf, TierEvaluationMode mode)
    {
        var current = state is null ? new EarnedState(null, null, null, null) : new EarnedState(state.EarnedCode, state.EarnedSince, state.ReevaluateAt, state.GraceUntil);
        return TierDecision.Decide(current, tiers.RankOf(current.Code), qualified, policy, asOf, mode == TierEvaluationMode.Full);
    }

    private async Task<bool> WriteAsync(
        string memberId, TierOutcome planned, RankedTier qualified, TierCatalog tiers, TierPolicy policy, DateTimeOffset asOf,
        TierEvaluationMode mode, Evidence evidence, CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A tier evaluation needs a tenant in context.");
        await TierSql.EnsureStateAsync(db, tenantId, memberId, ct);
        var rows = db.Set<MemberTier>().Where(m => m.MemberId == memberId);
        // Takes the member's row lock (PostgreSQL, SQL Server) before reading what to change: a concurrent evaluation waits here.
        await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.Revision, m => m.Revision), ct);
        var state = await rows.AsNoTracking().SingleAsync(ct);
        var outcome = Decide(state, tiers, qualified, policy, asOf, mode);
        if (outcome is null) return false;

        var revision = state.Revision;
        var next = outcome.State;
        var updated = await rows.Where(m => m.Revision == revision).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.EarnedCode, next.Code)
            .SetProperty(m => m.EarnedSince, next.Since)
            .SetProperty(m => m.ReevaluateAt, next.ReevaluateAt)
            .SetProperty(m => m.GraceUntil, next.GraceUntil)
            .SetProperty(m => m.EvaluatedAt, asOf)
            .SetProperty(m => m.Revision, revision + 1), ct);
        if (updated != 1) return false;
        if (outcome.Reason is not { } reason) return false;

        var change = new MemberTierChange
        {
            TenantId = tenantId, MemberId = memberId, Revision = revision + 1, FromCode = state.EarnedCode, ToCode = next.Code,
            Reason = reason, Trigger = Clip(evidence.Trigger), RuleSetVersionId = evidence.Record.VersionId, RuleSetVersion = evidence.Record.Version,
            RuleName = evidence.Record.FiredRules.Count > 0 ? evidence.Record.FiredRules[0].RuleName : null, Points12m = evidence.Stats.Points12m,
            Spend12m = evidence.Stats.Spend12m, Orders12m = evidence.Stats.Orders12m, GraceUntil = next.GraceUntil, At = asOf,
        };
        db.Add(change);
        if (state.EarnedCode != next.Code)
        {
            var sequence = await TierSql.NextMemberSequenceAsync(db, tenantId, memberId, ct);
            events.Publish(new TierChanged(memberId, state.EarnedCode, next.Code, TierSources.Earned, reason.ToString(), evidence.Trigger, evidence.Record.Version)
            {
                TenantId = tenantId, OccurredAt = asOf, AggregateId = memberId, Sequence = sequence, ChangeId = change.Id,
            });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Clip(string text) => text.Length <= TierLimits.MaxTriggerLength ? text : text[..TierLimits.MaxTriggerLength];

    private sealed record Evidence(string Trigger, RuleEvaluationRecord Record, StatsFacts Stats);
}
