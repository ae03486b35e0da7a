using System.Globalization;
using Npgsql;

namespace CommunitySaaS.Bench.StripeBurst;

/// <summary>
/// A brand's memberships as the database holds them after processing, one line per member (status, grant, period,
/// payments, the paid tier the member holds), keyed by the member's external id so two brands' lives compare.
/// </summary>
internal sealed record StripeEndState(Dictionary<string, string> Rows, long Inbox, long DeadLettered, string Summary)
{
    public static async Task<StripeEndState> ReadAsync(string connectionString, string tenantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = new Dictionary<string, string>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("""
            SELECT m."ExternalId", s."Status", s."GrantedUntil", s."CurrentPeriodEnd", s."GraceUntil", s."TierCode", s."RevokedAt" IS NOT NULL,
                   (SELECT COUNT(*) FROM "MembershipPayments" p WHERE p."TenantId" = s."TenantId" AND p."SubscriptionId" = s."SubscriptionId"),
                   t."PaidCode", t."PaidUntil"
            FROM "Memberships" s
            JOIN "Members" m ON m."Id" = s."MemberId"
            LEFT JOIN "MemberTiers" t ON t."MemberId" = s."MemberId"
            WHERE s."TenantId" = @t
            """, connection))
        {
            command.Parameters.AddWithValue("t", tenantId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(1, reader.FieldCount - 1).Select(i => reader.IsDBNull(i) ? "-" : Format(reader.GetValue(i)));
                rows[reader.GetString(0)] = string.Join('|', values);
                var status = reader.GetString(1);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }
        var inbox = await ScalarAsync(connection, """SELECT COUNT(*) FROM "StripeWebhookEvents" WHERE "TenantId" = @t""", tenantId);
        var dead = await ScalarAsync(connection, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "TenantId" = @t AND "DeadLetteredAt" IS NOT NULL""", tenantId);
        return new StripeEndState(rows, inbox, dead, string.Join(", ", statuses.Select(s => $"{s.Value} {s.Key}")));
    }

    private static string Format(object value) => value switch
    {
        DateTime at => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, string tenantId)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("t", tenantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
