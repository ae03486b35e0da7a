using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>Hand-written SQL the tier state needs where LINQ cannot say it on every provider.</summary>
internal static class TierSql
{
    /// <summary>
    /// Creates the member's tier row if missing without failing when a concurrent evaluation creates it first (a
    /// unique violation would abort a PostgreSQL transaction, a handler's included).
    /// </summary>
    public static Task<int> EnsureStateAsync(AppDbContext db, string tenantId, string memberId, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            return db.Database.ExecuteSqlInterpolatedAsync($"""
                IF NOT EXISTS (SELECT 1 FROM "MemberTiers" WITH (UPDLOCK, HOLDLOCK) WHERE "MemberId" = {memberId})
                INSERT INTO "MemberTiers" ("MemberId", "TenantId", "Revision") VALUES ({memberId}, {tenantId}, 0)
                """, ct);
        }

        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "MemberTiers" ("MemberId", "TenantId", "Revision") VALUES ({memberId}, {tenantId}, 0)
            ON CONFLICT ("MemberId") DO NOTHING
            """, ct);
    }

    /// <summary>
    /// The next position in the member's event stream. Points events number theirs on the member's points account, so
    /// tier events take theirs from the same counter; the update also queues this writer behind the member's points writers.
    /// </summary>
    public static async Task<long> NextMemberSequenceAsync(AppDbContext db, string tenantId, string memberId, CancellationToken ct)
    {
        await PointsSql.EnsureAccountAsync(db, tenantId, memberId, ct);
        await db.PointsAccounts.Where(a => a.MemberId == memberId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, a => a.Sequence + 1), ct);
        return await db.PointsAccounts.Where(a => a.MemberId == memberId).Select(a => a.Sequence).SingleAsync(ct);
    }
}
