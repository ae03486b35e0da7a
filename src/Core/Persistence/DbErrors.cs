using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Persistence;

internal static class DbErrors
{
    /// <summary>A unique index said no: two requests raced to create the same natural key.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => IsUniqueViolation(ex.InnerException);

    /// <summary>Bulk updates (<c>ExecuteUpdate</c>) throw the provider's exception itself.</summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        DbUpdateException update => IsUniqueViolation(update.InnerException),
        SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == "23505",
        Microsoft.Data.SqlClient.SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };
}
