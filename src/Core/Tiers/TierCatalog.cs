using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>A brand's tier definitions by code, and how a tier rule's <c>tier</c> property (a code or a name) maps onto them.</summary>
internal sealed class TierCatalog(IReadOnlyList<TierDefinition> tiers)
{
    public bool IsEmpty => tiers.Count == 0;

    public IReadOnlyList<TierDefinition> All => tiers;

    public static async Task<TierCatalog> LoadAsync(AppDbContext db, CancellationToken ct) =>
        new(await db.Set<TierDefinition>().AsNoTracking().OrderBy(t => t.Rank).ToListAsync(ct));

    public TierDefinition? Find(string? code) => code is null ? null : tiers.FirstOrDefault(t => t.Code == code);

    public int RankOf(string? code) => Find(code)?.Rank ?? 0;

    /// <summary>Fails closed when a rule grants a tier the brand has not defined: a typo must not silently mean "no tier".</summary>
    public RankedTier Resolve(RuleSetEvaluation<TierEvaluation> evaluation)
    {
        if (evaluation.Result.Tier is not { } named) return RankedTier.None;
        var tier = tiers.FirstOrDefault(t => string.Equals(t.Code, named, StringComparison.OrdinalIgnoreCase))
            ?? tiers.FirstOrDefault(t => string.Equals(t.Name, named, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleEvaluationFailedException(RuleSetKind.Tiers, evaluation.Record.VersionId, evaluation.Record.Version,
                $"rule '{evaluation.Result.Rule?.RuleName}' grants tier '{named}', which is not one of the brand's tiers ({string.Join(", ", tiers.Select(t => t.Code))})",
                []);
        return new RankedTier(tier.Code, tier.Rank);
    }
}
