using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Points;

/// <summary>Hand-written SQL the ledger needs where LINQ cannot say it on every provider.</summary>
internal static class PointsSql
{
    /// <summary>
    /// Creates the member's balance row if it is missing, without failing when a concurrent writer creates it first
    /// (which would abort a PostgreSQL transaction): the row must exist before it can serve as the member's lock.
    /// </summary>
    public static Task<int> EnsureAccountAsync(AppDbContext db, string tenantId, string memberId, CancellationToken ct)
    {
        if (db.Database.IsSqlServer())
        {
            return db.Database.ExecuteSqlInterpolatedAsync($"""
                IF NOT EXISTS (SELECT 1 FROM "PointsAccounts" WITH (UPDLOCK, HOLDLOCK) WHERE "MemberId" = {memberId})
                INSERT INTO "PointsAccounts" ("MemberId", "TenantId", "Available", "Pending", "LifetimeEarned", "LifetimeRedeemed", "Expired", "Sequence")
                VALUES ({memberId}, {tenantId}, 0, 0, 0, 0, 0, 0)
                """, ct);
        }

        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "PointsAccounts" ("MemberId", "TenantId", "Available", "Pending", "LifetimeEarned", "LifetimeRedeemed", "Expired", "Sequence")
            VALUES ({memberId}, {tenantId}, 0, 0, 0, 0, 0, 0)
            ON CONFLICT ("MemberId") DO NOTHING
            """, ct);
    }
}
