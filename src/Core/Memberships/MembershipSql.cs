using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// Inserts that must not fail when a concurrent writer inserts the same key first: a unique violation would abort a
/// PostgreSQL transaction, a handler's included. Each returns 1 when this call inserted the row.
/// </summary>
internal static class MembershipSql
{
    public static Task<int> EnsureMembershipAsync(AppDbContext db, string tenantId, string id, string subscriptionId, DateTimeOffset now, CancellationToken ct)
    {
        object at = db.Database.IsSqlite() ? ToSqliteTicks(now) : now;
        return InsertOnceAsync(db, "Memberships", ["TenantId", "SubscriptionId"],
            ["Id", "TenantId", "SubscriptionId", "MemberId", "CustomerId", "Status", "CancelAtPeriodEnd", "CreatedAt", "Revision"],
            [id, tenantId, subscriptionId, "", "", "", false, at, 0L], ct);
    }

    public static Task<int> InsertCustomerAsync(AppDbContext db, string tenantId, string memberId, string customerId, DateTimeOffset now, CancellationToken ct) =>
        InsertOnceAsync(db, "StripeCustomers", ["MemberId"], ["MemberId", "TenantId", "CustomerId", "CreatedAt"],
            [memberId, tenantId, customerId, db.Database.IsSqlite() ? ToSqliteTicks(now) : now], ct);

    public static Task<int> InsertPaymentAsync(AppDbContext db, MembershipPayment p, CancellationToken ct) =>
        InsertOnceAsync(db, "MembershipPayments", ["TenantId", "InvoiceId"],
            ["InvoiceId", "TenantId", "SubscriptionId", "MemberId", "ChargeId", "PaymentIntentId", "AmountMinor", "Currency", "PaidAt"],
            [p.InvoiceId, p.TenantId, p.SubscriptionId, p.MemberId, p.ChargeId, p.PaymentIntentId, p.AmountMinor, p.Currency,
                db.Database.IsSqlite() ? ToSqliteTicks(p.PaidAt) : p.PaidAt], ct);

    /// <summary>The model's DateTimeOffsetToBinaryConverter, for raw SQL on SQLite.</summary>
    private static long ToSqliteTicks(DateTimeOffset value) =>
        new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(value) is long l ? l : 0L;

    private static Task<int> InsertOnceAsync(AppDbContext db, string table, string[] key, string[] columns, object?[] values, CancellationToken ct)
    {
        // No conflict target: PostgreSQL absorbs a conflict on the target index only, and two racing inserts of one
        // row can collide on another unique index first (a customer's (TenantId, CustomerId)), which then raised 23505.
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var parameters = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var sql = db.Database.IsSqlServer()
            ? $"IF NOT EXISTS (SELECT 1 FROM \"{table}\" WITH (UPDLOCK, HOLDLOCK) WHERE {string.Join(" AND ", key.Select(k => $"\"{k}\" = @p{Array.IndexOf(columns, k)}"))}) INSERT INTO \"{table}\" ({names}) VALUES ({parameters})"
            : $"INSERT INTO \"{table}\" ({names}) VALUES ({parameters}) ON CONFLICT DO NOTHING";
        // Named parameters of the provider's own type: a null (a payment with no charge id) needs a typed DBNull.
        using var command = db.Database.GetDbConnection().CreateCommand();
        var typed = values.Select((v, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = v ?? DBNull.Value;
            return (object)parameter;
        }).ToArray();
        return db.Database.ExecuteSqlRawAsync(sql, typed, ct);
    }
}
