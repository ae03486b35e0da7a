using System.Data.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace CommunitySaaS.Bench.Loyalty;

/// <summary>
/// Writes the generated members, ledger and balance rows straight into the migrated schema: PostgreSQL by binary COPY,
/// SQLite by one prepared INSERT per row in large transactions. Secondary indexes and foreign keys are dropped during
/// the load and recreated after, as any bulk load of this size does.
/// </summary>
internal static class LoyaltyBulkLoad
{
    private static readonly string[] Tables = ["Members", "PointsEntries", "PointsAccounts"];
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    public static async Task LoadAsync(DatabaseProvider provider, string connectionString, string tenantId, LoyaltySeed seed)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await using var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync();
            var restore = await DropPostgresAsync(pg);
            await CopyPostgresAsync(pg, connectionString, tenantId, seed);
            await Exec(pg, "SET maintenance_work_mem = '512MB'");
            foreach (var statement in restore) await Exec(pg, statement);
            return;
        }

        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await Exec(sqlite, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000");
        var indexes = await DropSqliteAsync(sqlite);
        await InsertSqliteAsync(sqlite, tenantId, seed);
        foreach (var statement in indexes) await Exec(sqlite, statement);
    }

    private static async Task<List<string>> DropPostgresAsync(NpgsqlConnection pg)
    {
        var restore = await Strings(pg, $"""
            SELECT indexdef FROM pg_indexes WHERE tablename IN ({string.Join(",", Tables.Select(t => $"'{t}'"))}) AND indexname NOT LIKE 'PK_%'
            """);
        var keys = await Strings(pg, $"""
            SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ({string.Join(",", Tables.Select(t => $"'\"{t}\"'"))})
            """);
        var dropKeys = await Strings(pg, $"""
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname)
            FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ({string.Join(",", Tables.Select(t => $"'\"{t}\"'"))})
            """);
        var dropIndexes = await Strings(pg, $"""
            SELECT format('DROP INDEX %I', indexname) FROM pg_indexes WHERE tablename IN ({string.Join(",", Tables.Select(t => $"'{t}'"))}) AND indexname NOT LIKE 'PK_%'
            """);
        foreach (var statement in dropKeys.Concat(dropIndexes)) await Exec(pg, statement);
        return [.. restore, .. keys];
    }

    private static async Task CopyPostgresAsync(NpgsqlConnection pg, string connectionString, string tenantId, LoyaltySeed seed)
    {
        // One COPY per connection at a time: members and entries stream side by side on two.
        await using var second = new NpgsqlConnection(connectionString);
        await second.OpenAsync();
        var balances = new List<(string Id, long Available, long Earned, long Redeemed)>(seed.Members);
        await using (var members = await pg.BeginBinaryImportAsync(
            """COPY "Members" ("Id","TenantId","ExternalId","Name","Email","Phone","Tags","CreatedAt","UpdatedAt") FROM STDIN (FORMAT BINARY)"""))
        await using (var entries = await second.BeginBinaryImportAsync("""
            COPY "PointsEntries" ("Id","TenantId","MemberId","Kind","AvailableDelta","PendingDelta","Source","SourceId","Leg","LotId",
              "AvailableAt","ExpiresAt","FiredRules","Actor","CreatedAt","Waived") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var m in seed.Generate())
            {
                await members.StartRowAsync();
                await members.WriteAsync(m.Id);
                await members.WriteAsync(tenantId);
                await members.WriteAsync(m.ExternalId);
                await members.WriteAsync($"Member {m.Index}");
                await members.WriteAsync($"member{m.Index}@example.com");
                await members.WriteNullAsync();
                await members.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await members.WriteAsync(m.CreatedAt, NpgsqlDbType.TimestampTz);
                await members.WriteAsync(m.CreatedAt, NpgsqlDbType.TimestampTz);
                foreach (var e in m.Entries)
                {
                    await entries.StartRowAsync();
                    await entries.WriteAsync(e.Id);
                    await entries.WriteAsync(tenantId);
                    await entries.WriteAsync(e.MemberId);
                    await entries.WriteAsync(e.IsLot ? "Earn" : "Redeem");
                    await entries.WriteAsync(e.Points, NpgsqlDbType.Bigint);
                    await entries.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await entries.WriteAsync(e.IsLot ? "Order" : "Redemption");
                    await entries.WriteAsync(e.SourceId);
                    await entries.WriteAsync(e.Leg);
                    if (e.LotId is null) await entries.WriteNullAsync(); else await entries.WriteAsync(e.LotId);
                    await entries.WriteAsync(e.AvailableAt, NpgsqlDbType.TimestampTz);
                    if (e.ExpiresAt is { } x) await entries.WriteAsync(x, NpgsqlDbType.TimestampTz); else await entries.WriteNullAsync();
                    await entries.WriteAsync(e.IsLot ? ["bench-earn"] : Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await entries.WriteAsync("bench");
                    await entries.WriteAsync(e.CreatedAt, NpgsqlDbType.TimestampTz);
                    await entries.WriteAsync(0L, NpgsqlDbType.Bigint);
                }
                balances.Add((m.Id, m.Available, m.Earned, m.Redeemed));
            }
            await members.CompleteAsync();
            await entries.CompleteAsync();
        }

        await using var accounts = await pg.BeginBinaryImportAsync("""
            COPY "PointsAccounts" ("MemberId","TenantId","Available","Pending","LifetimeEarned","LifetimeRedeemed","Expired","Sequence") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var (id, available, earned, redeemed) in balances)
        {
            await accounts.StartRowAsync();
            await accounts.WriteAsync(id);
            await accounts.WriteAsync(tenantId);
            await accounts.WriteAsync(available, NpgsqlDbType.Bigint);
            await accounts.WriteAsync(0L, NpgsqlDbType.Bigint);
            await accounts.WriteAsync(earned, NpgsqlDbType.Bigint);
            await accounts.WriteAsync(redeemed, NpgsqlDbType.Bigint);
            await accounts.WriteAsync(0L, NpgsqlDbType.Bigint);
            await accounts.WriteAsync(0L, NpgsqlDbType.Bigint);
        }
        await accounts.CompleteAsync();
    }

    private static async Task<List<string>> DropSqliteAsync(SqliteConnection sqlite)
    {
        var indexes = await Strings(sqlite, $"""
            SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(",", Tables.Select(t => $"'{t}'"))})
            """);
        var names = await Strings(sqlite, $"""
            SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(",", Tables.Select(t => $"'{t}'"))})
            """);
        foreach (var name in names) await Exec(sqlite, $"DROP INDEX \"{name}\"");
        return indexes;
    }

    private static async Task InsertSqliteAsync(SqliteConnection sqlite, string tenantId, LoyaltySeed seed)
    {
        var tx = sqlite.BeginTransaction();
        var member = Prepare(sqlite, tx, """
            INSERT INTO "Members" ("Id","TenantId","ExternalId","Name","Email","Tags","CreatedAt","UpdatedAt") VALUES ($1,$2,$3,$4,$5,'[]',$6,$6)
            """, 6);
        var entry = Prepare(sqlite, tx, """
            INSERT INTO "PointsEntries" ("Id","TenantId","MemberId","Kind","AvailableDelta","PendingDelta","Source","SourceId","Leg","LotId",
              "AvailableAt","ExpiresAt","FiredRules","Actor","CreatedAt","Waived") VALUES ($1,$2,$3,$4,$5,0,$6,$7,$8,$9,$10,$11,$12,'bench',$13,0)
            """, 13);
        var account = Prepare(sqlite, tx, """
            INSERT INTO "PointsAccounts" ("MemberId","TenantId","Available","Pending","LifetimeEarned","LifetimeRedeemed","Expired","Sequence") VALUES ($1,$2,$3,0,$4,$5,0,0)
            """, 5);
        var rows = 0;
        foreach (var m in seed.Generate())
        {
            Run(member, m.Id, tenantId, m.ExternalId, $"Member {m.Index}", $"member{m.Index}@example.com", Time(m.CreatedAt));
            Run(account, m.Id, tenantId, m.Available, m.Earned, m.Redeemed);
            foreach (var e in m.Entries)
            {
                Run(entry, e.Id, tenantId, e.MemberId, e.IsLot ? "Earn" : "Redeem", e.Points, e.IsLot ? "Order" : "Redemption", e.SourceId, e.Leg,
                    (object?)e.LotId ?? DBNull.Value, Time(e.AvailableAt), e.ExpiresAt is { } x ? Time(x) : DBNull.Value,
                    e.IsLot ? "[\"bench-earn\"]" : "[]", Time(e.CreatedAt));
            }
            rows += m.Entries.Count + 2;
            if (rows < 200_000) continue;
            rows = 0;
            tx.Commit();
            tx.Dispose();
            tx = sqlite.BeginTransaction();
            member.Transaction = entry.Transaction = account.Transaction = tx;
        }
        tx.Commit();
        tx.Dispose();
    }

    private static object Time(DateTimeOffset value) => SqliteTime.ConvertToProvider(value)!;

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter($"${i}", null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static async Task<List<string>> Strings(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }

    private static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
