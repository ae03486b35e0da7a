namespace CommunitySaaS.Core.Persistence;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqlite = "Data Source=data/communitysaas.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Group-commit writers working at once (see <c>GroupCommit</c>); unset: one on SQLite, which admits one writer anyway,
    /// two elsewhere, so one batch's duplicate check and insert overlap the other's commit instead of queueing behind it.
    /// </summary>
    public int? GroupCommitWriters { get; set; }

    public int EffectiveGroupCommitWriters => Math.Max(1, GroupCommitWriters ?? (Provider == DatabaseProvider.Sqlite ? 1 : 2));

    public string EffectiveConnectionString => ConnectionString ?? (Provider == DatabaseProvider.Sqlite
        ? DefaultSqlite
        : throw new InvalidOperationException($"Database:ConnectionString is required for {Provider}."));
}
