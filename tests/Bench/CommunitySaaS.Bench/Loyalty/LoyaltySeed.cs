namespace CommunitySaaS.Bench.Loyalty;

/// <summary>One generated ledger row; a lot (earn) when <see cref="LotId"/> is null, else a redemption drawing on it.</summary>
internal readonly record struct SeedEntry(
    string Id, string MemberId, bool IsLot, long Points, string SourceId, string Leg, string? LotId,
    DateTimeOffset AvailableAt, DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt);

/// <summary>One member with its ledger and the balance row those entries sum to.</summary>
internal sealed record SeedMember(int Index, string Id, string ExternalId, DateTimeOffset CreatedAt, List<SeedEntry> Entries)
{
    public long Available => Entries.Sum(e => e.Points);
    public long Earned => Entries.Where(e => e.IsLot).Sum(e => e.Points);
    public long Redeemed => -Entries.Where(e => !e.IsLot).Sum(e => e.Points);
}

/// <summary>
/// A deterministic ledger: every member gets M/N entries, three lots (order earnings, available, expiring over the next
/// two years) for each redemption that takes half of the lot before it. <c>duePercent</c> of the lots are already past
/// their expiry at <see cref="Now"/>, spread over every member, so one expiry run touches the whole brand.
/// </summary>
internal sealed class LoyaltySeed(int members, long entries, int duePercent)
{
    public static readonly DateTimeOffset Now = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    public int Members => members;

    public IEnumerable<SeedMember> Generate()
    {
        var random = new Random(10);
        for (var i = 0; i < members; i++)
        {
            var count = (int)(entries / members + (i < entries % members ? 1 : 0));
            var id = $"mem_{i:x8}{Guid.CreateVersion7():N}"[..36];
            var created = Now.AddDays(-800).AddSeconds(i % 5_000_000);
            var rows = new List<SeedEntry>(count);
            SeedEntry? lastLot = null;
            for (var k = 0; k < count; k++)
            {
                if (k % 4 == 3 && lastLot is { } lot)
                {
                    rows.Add(new SeedEntry(Ids(), id, false, -(lot.Points / 2), $"red-{i}-{k}", "lot:" + lot.Id, lot.Id, lot.CreatedAt.AddDays(20), null, lot.CreatedAt.AddDays(20)));
                    lastLot = null;
                    continue;
                }
                var expires = random.Next(100) < duePercent
                    ? Now.AddHours(-random.Next(1, 24 * 30))
                    : Now.AddHours(random.Next(1, 24 * 700));
                var earned = expires.AddDays(-365);
                var entry = new SeedEntry(Ids(), id, true, 10 + random.Next(490), $"ord-{i}-{k}", "line:1", null, earned.AddDays(14), expires, earned);
                rows.Add(entry);
                lastLot = entry;
            }
            yield return new SeedMember(i, id, $"c{i:0000000}", created, rows);
        }
    }

    private static string Ids() => $"pte_{Guid.CreateVersion7():N}";
}
