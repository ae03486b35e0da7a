using System.Globalization;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>One activity's points for one member: evaluated first, then written under the member's lock with its limits.</summary>
internal sealed class ActivityEarning(
    AppDbContext db, IRuleSetRuntime rules, IMemberTierReader tiers, PointsLedger ledger, LoyaltyPolicy policy, TimeZoneInfo zone,
    RecordActivity activity, DateTimeOffset occurredAt, string actor)
{
    public sealed record Plan(RuleSetEvaluation<PointsEvaluation> Evaluation, MemberTierView? Tier, decimal Multiplier, string? Role);

    public sealed record Written(List<PointsEntry> Entries, List<string> Limited);

    public async Task<Plan> PlanForAsync(Member member, string? role, CancellationToken ct)
    {
        var tier = await tiers.GetCurrentAsync(member.Id, ct);
        var properties = new Dictionary<string, string>(activity.Properties?.ToDictionary() ?? [], StringComparer.Ordinal);
        if (role is not null) properties["role"] = role;
        var communities = await db.CommunityMemberships.AsNoTracking()
            .Where(m => m.MemberId == member.Id && m.LeftAt == null).Select(m => m.CommunityId).ToListAsync(ct);
        var facts = new RuleFacts(
            Member: new MemberFacts(member.Id, member.ExternalId, tier?.Code, member.Birthday, member.CreatedAt, member.Tags, communities),
            Activity: new ActivityFacts(activity.Type, activity.CommunityId, occurredAt, properties));
        var evaluation = await rules.EvaluatePointsAsync(activity.Type, facts, ledger.Now, ct);
        return new Plan(evaluation, tier, tier?.PointsMultiplier ?? 1m, role);
    }

    public async Task<Written> WriteAsync(Member member, Plan plan, CancellationToken ct)
    {
        var limited = new List<string>();
        var result = plan.Evaluation.Result;
        var multiplier = result.Multiplier * plan.Multiplier;
        var multipliers = result.FiredRules.Where(r => r.Kind == RuleOutputKind.Multiplier).Select(r => $"{r.RuleName}×{Format(r.Output)}").ToList();
        if (plan.Tier is not null && plan.Multiplier != 1m) multipliers.Add($"tier:{plan.Tier.Code}×{Format(plan.Multiplier)}");
        var expiresAt = PointsExpiryDates.ExpiresAt(ledger.Now, policy.ExpiryMode, policy.ExpiryCount, zone);

        var write = await ledger.WriteAsync(member.Id, null, async (_, token) =>
        {
            var now = ledger.Now;
            var entries = new List<PointsEntry>();
            foreach (var rule in result.FiredRules.Where(r => r.Kind == RuleOutputKind.Points))
            {
                var points = checked((long)decimal.Floor(rule.Output * multiplier));
                if (points <= 0) continue;
                string? limitKey = null;
                if (rule.Limit is { } limit)
                {
                    var prefix = $"{rule.RuleName}|{ActivityPeriods.Of(limit.Per, occurredAt, zone)}|";
                    var taken = await db.PointsEntries.CountAsync(e => e.MemberId == member.Id && e.LimitKey != null && e.LimitKey.StartsWith(prefix), token);
                    if (taken >= limit.Count)
                    {
                        limited.Add($"{rule.RuleName}|{limit.Count}|{limit.Per.ToString().ToLowerInvariant()}");
                        continue;
                    }
                    limitKey = prefix + (taken + 1).ToString(CultureInfo.InvariantCulture);
                }
                var availableAt = now.AddDays(rule.DelayDays);
                var pending = rule.DelayDays > 0;
                entries.Add(new PointsEntry
                {
                    MemberId = member.Id, Kind = PointsEntryKind.Earn, Source = PointsSource.Activity, SourceId = activity.ActivityId,
                    Leg = (plan.Role == "referred" ? "referred:" : "") + "rule:" + rule.RuleName,
                    AvailableDelta = pending ? 0 : points, PendingDelta = pending ? points : 0, AvailableAt = availableAt, ExpiresAt = expiresAt,
                    RuleSetVersionId = plan.Evaluation.Record.VersionId, RuleSetVersion = plan.Evaluation.Record.Version,
                    FiredRules = [rule.RuleName, .. multipliers], InputsHash = plan.Evaluation.Record.InputsHash, Actor = actor,
                    LimitKey = limitKey, CreatedAt = now,
                });
            }
            if (entries.Count == 0) return LedgerPlan.Nothing;
            var total = entries.Sum(e => e.AvailableDelta + e.PendingDelta);
            return LedgerPlan.Of(entries, sequence => new PointsEarned(
                member.Id, total, entries.Any(e => e.PendingDelta > 0), "activity", activity.ActivityId, entries.Select(e => e.Id).ToList(),
                entries.Select(e => e.FiredRules[0]).ToList(), entries.Max(e => e.AvailableAt), expiresAt)
            {
                TenantId = member.TenantId, OccurredAt = now, AggregateId = member.Id, Sequence = sequence,
            });
        }, ct);
        return new Written(write.Entries.ToList(), limited);
    }

    public static LimitedRule ParseLimited(string stored)
    {
        var parts = stored.Split('|');
        return new LimitedRule(string.Join('|', parts[..^2]), int.Parse(parts[^2], CultureInfo.InvariantCulture), parts[^1]);
    }

    private static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
