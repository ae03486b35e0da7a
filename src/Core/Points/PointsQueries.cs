using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>What the storefront and the console read: the summary, the ledger explained entry by entry, who is about to lose points.</summary>
public sealed class PointsQueries(AppDbContext db, TimeProvider time)
{
    public const int ExpiringSoonDays = 30;

    public async Task<LoyaltySummary> SummaryAsync(string memberId, CancellationToken ct = default)
    {
        var account = await db.PointsAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.MemberId == memberId, ct);
        var soon = account is { Available: > 0 } ? await ExpiringAsync(memberId, time.GetUtcNow().AddDays(ExpiringSoonDays), ct) : [];
        return new LoyaltySummary(new PointsSummary(
            account?.Available ?? 0, account?.Pending ?? 0, account?.LifetimeEarned ?? 0, account?.LifetimeRedeemed ?? 0, account?.Expired ?? 0, soon));
    }

    /// <summary>What is left of the lots expiring before <paramref name="until"/>, summed per expiry date.</summary>
    private async Task<IReadOnlyList<ExpiringPoints>> ExpiringAsync(string memberId, DateTimeOffset until, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lots = await db.PointsEntries.AsNoTracking()
            .Where(e => e.MemberId == memberId && e.LotId == null && e.ExpiresAt != null && e.ExpiresAt > now && e.ExpiresAt <= until)
            .Select(e => new { e.Id, e.ExpiresAt }).ToListAsync(ct);
        if (lots.Count == 0) return [];
        var remainders = await PointsLots.RemainderOfAsync(db, lots.Select(l => l.Id).ToList(), ct);
        return lots.Select(l => (l.ExpiresAt!.Value, Points: remainders.GetValueOrDefault(l.Id).Available))
            .Where(l => l.Points > 0).GroupBy(l => l.Value)
            .Select(g => new ExpiringPoints(g.Sum(l => l.Points), g.Key)).OrderBy(e => e.ExpiresAt).ToList();
    }

    /// <summary>Newest first; closing entries that moved nothing (an empty release or expiry) are left out.</summary>
    public async Task<Page<PointsEntryView>> EntriesAsync(string memberId, PageRequest page, CancellationToken ct = default)
    {
        var rows = await db.PointsEntries.AsNoTracking()
            .Where(e => e.MemberId == memberId && (e.AvailableDelta != 0 || e.PendingDelta != 0 || e.Waived != 0))
            .Window(e => e.Id, page).ToListAsync(ct);
        var result = page.ToPage(rows, e => e.Id);
        return new Page<PointsEntryView>(await ViewsAsync(result.Data, ct), result.HasMore, result.NextCursor);
    }

    /// <summary>The named entries as the ledger shows them, in the order given.</summary>
    internal async Task<IReadOnlyList<PointsEntryView>> EntriesAsync(IReadOnlyList<string> entryIds, CancellationToken ct)
    {
        var rows = await db.PointsEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        return await ViewsAsync(entryIds.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), ct);
    }

    /// <summary>A change to a member's points with the entries it wrote: the <c>data</c> of every <c>points.*</c> webhook.</summary>
    internal async Task<PointsChangeView> ChangeAsync(string memberId, long points, IReadOnlyList<string> entryIds, CancellationToken ct) =>
        new(memberId, await db.ExternalIdOfAsync(memberId, ct), points, await EntriesAsync(entryIds, ct));

    private async Task<IReadOnlyList<PointsEntryView>> ViewsAsync(IReadOnlyList<PointsEntry> entries, CancellationToken ct)
    {
        var lotIds = entries.Where(e => e.LotId is null && e.PendingDelta > 0).Select(e => e.Id).ToList();
        var released = lotIds.Count == 0 ? [] : await db.PointsEntries.AsNoTracking()
            .Where(e => e.LotId != null && lotIds.Contains(e.LotId) && e.Kind == PointsEntryKind.Release)
            .Select(e => e.LotId!).ToListAsync(ct);
        var remainders = lotIds.Count == 0 ? [] : await PointsLots.RemainderOfAsync(db, lotIds, ct);
        return entries.Select(e => View(e, StateOf(e, released.Contains(e.Id), remainders))).ToList();
    }

    private static PointsEntryState StateOf(PointsEntry e, bool released, Dictionary<string, (long Available, long Pending)> remainders)
    {
        if (e.PendingDelta <= 0 || e.LotId is not null) return PointsEntryState.Available;
        if (released) return PointsEntryState.Available;
        // A pending earn whose points were all reversed before release never became spendable.
        return remainders.GetValueOrDefault(e.Id).Pending <= 0 ? PointsEntryState.Void : PointsEntryState.Pending;
    }

    public static PointsEntryView View(PointsEntry e, PointsEntryState state) =>
        new(e.Id, e.Kind, state, e.AvailableDelta + e.PendingDelta, e.AvailableDelta, e.PendingDelta, e.Source, e.SourceId, e.LotId, e.FiredRules,
            e.RuleSetVersionId, e.RuleSetVersion, e.InputsHash, e.Actor, e.Reason, e.AvailableAt, e.ExpiresAt, e.Waived, e.CreatedAt);

    /// <summary>
    /// Members with points expiring within <paramref name="days"/>, soonest first: a candidate set from the expiry index,
    /// then what is left of those lots.
    /// </summary>
    public async Task<Page<ExpiringMember>> ExpiringMembersAsync(int days, PageRequest page, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var until = now.AddDays(days);
        var candidates = db.PointsEntries.AsNoTracking()
            .Where(e => e.LotId == null && e.ExpiresAt != null && e.ExpiresAt > now && e.ExpiresAt <= until);
        var memberIds = await candidates.Select(e => e.MemberId).Distinct().Window(m => m, page).ToListAsync(ct);
        var result = page.ToPage(memberIds, m => m);
        var lots = await candidates.Where(e => result.Data.Contains(e.MemberId)).Select(e => new { e.Id, e.MemberId, e.ExpiresAt }).ToListAsync(ct);
        var remainders = await PointsLots.RemainderOfAsync(db, lots.Select(l => l.Id).ToList(), ct);
        var members = await db.Members.AsNoTracking().Where(m => result.Data.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var rows = result.Data.Select(id =>
        {
            var mine = lots.Where(l => l.MemberId == id && remainders.GetValueOrDefault(l.Id).Available > 0).ToList();
            var member = members[id];
            return mine.Count == 0 ? null : new ExpiringMember(id, member.ExternalId, member.Name, member.Email,
                mine.Sum(l => remainders[l.Id].Available), mine.Min(l => l.ExpiresAt!.Value));
        }).OfType<ExpiringMember>().ToList();
        return new Page<ExpiringMember>(rows, result.HasMore, result.NextCursor);
    }
}
