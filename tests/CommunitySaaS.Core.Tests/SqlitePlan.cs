using CommunitySaaS.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

/// <summary>SQLite's plan for EF's SQL: tests that pin a hot query to its index read it instead of timing it.</summary>
internal static class SqlitePlan
{
    /// <summary>EXPLAIN QUERY PLAN of EF's SQL, with the ".param set" lines of ToQueryString bound as parameters.</summary>
    public static async Task<string> ExplainAsync(AppDbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var parts in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l.Split(' ', 4)))
        {
            command.Parameters.AddWithValue(parts[2], parts[3].Trim().Trim('\''));
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }
}
