using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Persistence;

internal static class DbErrors
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY. The primary
    // code 19 also covers CHECK, NOT NULL and foreign keys, which a retry can never get past.
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>A unique index said no: two requests raced to create the same natural key.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => IsUniqueViolation(ex.InnerException);

    /// <summary>Bulk updates (<c>ExecuteUpdate</c>) throw the provider's exception itself.</summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        DbUpdateException update => IsUniqueViolation(update.InnerException),
        SqliteException s => s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        Npgsql.PostgresException p => p.SqlState == "23505",
        Microsoft.Data.SqlClient.SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>A CHECK constraint said no (e.g. a balance that would go below zero).</summary>
    public static bool IsCheckViolation(Exception? ex) => ex switch
    {
        DbUpdateException update => IsCheckViolation(update.InnerException),
        SqliteException s => s.SqliteExtendedErrorCode == 275,
        Npgsql.PostgresException p => p.SqlState == "23514",
        Microsoft.Data.SqlClient.SqlException s => s.Number == 547 && s.Message.Contains("CHECK", StringComparison.Ordinal),
        _ => false,
    };
}
