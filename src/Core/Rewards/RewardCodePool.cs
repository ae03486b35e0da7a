using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Rewards;

/// <summary>
/// A coupon reward's codes. An upload inserts the new codes and raises the reward's stock by as many, in one
/// transaction; a code already in any of the brand's pools (or twice in the upload) is reported, not added.
/// </summary>
public sealed class RewardCodePool(AppDbContext db, TimeProvider time)
{
    public async Task<ServiceResult<CodeUploadResult>> UploadAsync(string rewardId, IReadOnlyList<string> codes, CancellationToken ct = default)
    {
        var reward = await db.Set<Reward>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == rewardId, ct);
        if (reward is null) return ServiceResult<CodeUploadResult>.NotFound($"No reward with id '{rewardId}'.");
        if (reward.Kind != RewardKind.Coupon) return ServiceResult<CodeUploadResult>.Invalid("rewardId", "Only a coupon reward has a code pool.");
        if (codes.Count > RewardLimits.MaxCodesPerUpload)
            return ServiceResult<CodeUploadResult>.Invalid("codes", $"Upload at most {RewardLimits.MaxCodesPerUpload} codes at a time.");

        var invalid = new List<string>();
        var duplicates = new List<string>();
        var fresh = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in codes)
        {
            var code = raw.Trim();
            if (code.Length == 0) continue;
            if (code.Length > RewardLimits.MaxCouponLength || !code.All(c => c > ' ' && c < 127)) invalid.Add(Shorten(code));
            else if (!seen.Add(code)) duplicates.Add(code);
            else fresh.Add(code);
        }

        return await RetryOnConflict.RunAsync(db, async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in fresh.Chunk(500))
            {
                taken.UnionWith(await db.Set<RewardCode>().AsNoTracking().Where(c => chunk.Contains(c.Code)).Select(c => c.Code).ToListAsync(token));
            }
            var accepted = fresh.Where(c => !taken.Contains(c)).ToList();
            var now = time.GetUtcNow();
            db.AddRange(accepted.Select(c => new RewardCode { RewardId = rewardId, Code = c, UploadedAt = now }));
            // The codes themselves are coupons a member may redeem: the log keeps the counts, never the codes.
            db.Record("reward.codes_uploaded", "reward", rewardId, new { accepted = accepted.Count, duplicates = duplicates.Count, invalid = invalid.Count });
            await db.SaveChangesAsync(token);
            var count = (long)accepted.Count;
            await db.Set<Reward>().Where(r => r.Id == rewardId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Remaining, r => (r.Remaining ?? 0) + count), token);
            await tx.CommitAsync(token);
            db.ChangeTracker.Clear();
            return ServiceResult<CodeUploadResult>.Ok(new CodeUploadResult(
                accepted.Count, duplicates.Concat(fresh.Where(taken.Contains)).ToList(), invalid, await StatusOfAsync(rewardId, token)));
        }, ct);
    }

    public async Task<ServiceResult<CodePoolStatus>> StatusAsync(string rewardId, CancellationToken ct = default) =>
        await db.Set<Reward>().AnyAsync(r => r.Id == rewardId, ct)
            ? ServiceResult<CodePoolStatus>.Ok(await StatusOfAsync(rewardId, ct))
            : ServiceResult<CodePoolStatus>.NotFound($"No reward with id '{rewardId}'.");

    private async Task<CodePoolStatus> StatusOfAsync(string rewardId, CancellationToken ct)
    {
        var total = await db.Set<RewardCode>().CountAsync(c => c.RewardId == rewardId, ct);
        var unused = await db.Set<RewardCode>().CountAsync(c => c.RewardId == rewardId && c.RedemptionId == null, ct);
        return new CodePoolStatus(rewardId, total, unused, total - unused);
    }

    private static string Shorten(string code) => code.Length > 40 ? code[..40] + "…" : code;
}
