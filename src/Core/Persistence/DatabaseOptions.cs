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

    public string EffectiveConnectionString => ConnectionString ?? (Provider == DatabaseProvider.Sqlite
        ? DefaultSqlite
        : throw new InvalidOperationException($"Database:ConnectionString is required for {Provider}."));
}
