using System.Data.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CommunitySaaS.Bench.Ingest;

/// <summary>
/// The baseline: the rows one order ingest writes (the order, two lines, the outbox event) with plain
/// ADO.NET in one transaction, into the same migrated schema the host uses.
/// </summary>
internal sealed class RawOrderWriter(DatabaseProvider provider, string connectionString, string tenantId, IReadOnlyList<string> memberIds)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    public DbConnection Open()
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public async Task<bool> WriteAsync(DbConnection connection, string orderId)
    {
        var now = DateTimeOffset.UtcNow;
        var id = $"ord_{Guid.CreateVersion7():N}";
        await using var tx = await connection.BeginTransactionAsync();
        await Exec(connection, tx, """
            INSERT INTO "Orders" ("Id","TenantId","ExternalId","MemberId","CommunityId","KosShareCode","AttributedKosId","Currency",
                "SubtotalMinor","DiscountMinor","ShippingMinor","TotalMinor","RefundedMinor","ShippingRefundedMinor",
                "FulfillmentStatus","RefundStatus","EventSequence","PaidAt","FulfilledAt","ReturnWindowEndsAt","CreatedAt","RequestHash")
            VALUES (@id,@t,@ext,@m,NULL,NULL,NULL,'USD',2500,0,0,2500,0,0,'Unfulfilled','None',1,@now,NULL,@now,@now,@hash)
            """, ("id", id), ("t", tenantId), ("ext", orderId), ("m", memberIds[(orderId.GetHashCode(StringComparison.Ordinal) & 0x7FFFFFFF) % memberIds.Count]),
            ("now", Time(now)), ("hash", new string('0', 64)));
        for (var line = 1; line <= 2; line++)
        {
            await Exec(connection, tx, """
                INSERT INTO "OrderLines" ("TenantId","OrderId","LineNumber","Sku","Category","Quantity","UnitPriceMinor","GrossMinor",
                    "DiscountMinor","OrderDiscountMinor","PaidMinor","RefundedMinor","RefundedQuantity")
                VALUES (@t,@o,@n,'TEA-1','tea',@q,1000,@a,0,0,@a,0,0)
                """, ("t", tenantId), ("o", id), ("n", line), ("q", line), ("a", 1000L * line));
        }
        // Stored as processed: a host with the Jobs role runs beside the raw rounds and must not take this stand-in payload for an event.
        await Exec(connection, tx, """
            INSERT INTO "OutboxMessages" ("Id","TenantId","Type","Payload","AggregateId","Sequence","OccurredAt","StoredAt","ProcessedAt","DeadLetteredAt","LockedUntil","ClaimToken","Attempts","LastError")
            VALUES (@id,@t,'order.paid',@p,@o,1,@now,@now,@now,NULL,NULL,NULL,0,NULL)
            """, ("id", $"evt_{Guid.CreateVersion7():N}"), ("t", tenantId), ("p", $"{{\"orderId\":\"{id}\"}}"), ("o", id), ("now", Time(now)));
        await tx.CommitAsync();
        return true;
    }

    private object Time(DateTimeOffset value) => provider == DatabaseProvider.Sqlite ? SqliteTime.ConvertToProvider(value)! : value;

    private static async Task Exec(DbConnection connection, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        await command.ExecuteNonQueryAsync();
    }
}
