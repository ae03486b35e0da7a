using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>The claim on PostgreSQL: the portable claim's eligibility, with candidates locked <c>FOR UPDATE SKIP LOCKED</c> as the outbox does.</summary>
internal static class WebhookPostgresClaim
{
    public static Task<int> ExecuteAsync(AppDbContext db, string token, DateTimeOffset now, DateTimeOffset until, int batch, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE "WebhookDeliveries" AS o SET "ClaimToken" = {token}, "LockedUntil" = {until}, "Attempts" = o."Attempts" + 1
            WHERE o."Id" IN (
                SELECT d."Id" FROM "WebhookDeliveries" AS d
                JOIN "WebhookEndpoints" AS e ON e."Id" = d."EndpointId" AND e."Enabled"
                JOIN "Tenants" AS t ON t."Id" = d."TenantId" AND t."Status" = 'Active'
                WHERE d."Status" = 'Pending' AND d."NextAttemptAt" <= {now} AND (d."LockedUntil" IS NULL OR d."LockedUntil" < {now})
                  AND NOT EXISTS (
                      SELECT 1 FROM "WebhookDeliveries" AS p
                      WHERE p."EndpointId" = d."EndpointId" AND p."Status" = 'Pending'
                        AND (p."EventAt" < d."EventAt" OR (p."EventAt" = d."EventAt" AND p."Id" < d."Id")))
                ORDER BY d."NextAttemptAt", d."Id"
                LIMIT {batch}
                FOR UPDATE OF d SKIP LOCKED)
              AND o."Status" = 'Pending' AND (o."LockedUntil" IS NULL OR o."LockedUntil" < {now})
            """, ct);
}
