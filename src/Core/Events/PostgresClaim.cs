using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Events;

/// <summary>
/// The claim on PostgreSQL: the same eligibility as the portable claim, but the candidates are locked with
/// <c>FOR UPDATE SKIP LOCKED</c>. Two nodes claiming at once then take different rows instead of waiting on
/// each other's rows, which in multi-row updates that lock in different orders ends in deadlocks.
/// </summary>
internal static class PostgresClaim
{
    public static Task<int> ExecuteAsync(AppDbContext db, string token, DateTimeOffset now, DateTimeOffset until, int batch, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "OutboxMessages" AS o SET "ClaimToken" = {token}, "LockedUntil" = {until}, "Attempts" = o."Attempts" + 1
            WHERE o."Id" IN (
                SELECT m."Id" FROM "OutboxMessages" AS m
                WHERE m."ProcessedAt" IS NULL AND m."DeadLetteredAt" IS NULL AND (m."LockedUntil" IS NULL OR m."LockedUntil" < {now})
                  AND EXISTS (SELECT 1 FROM "Tenants" AS t WHERE t."Id" = m."TenantId" AND t."Status" = 'Active')
                  AND (m."AggregateId" = '' OR NOT EXISTS (
                      SELECT 1 FROM "OutboxMessages" AS p
                      WHERE p."TenantId" = m."TenantId" AND p."AggregateId" = m."AggregateId" AND p."AggregateId" <> ''
                        AND p."Sequence" < m."Sequence" AND p."ProcessedAt" IS NULL))
                ORDER BY m."StoredAt", m."Id"
                LIMIT {batch}
                FOR UPDATE OF m SKIP LOCKED)
            """, ct);
}
