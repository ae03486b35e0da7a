namespace CommunitySaaS.Core.Audit;

/// <summary>
/// The database half of append-only, kept here so it survives regenerating the migrations: triggers that refuse
/// any UPDATE or DELETE of an audit event, so raw SQL and bulk updates (which bypass SaveChanges) cannot rewrite
/// history either. Run the provider's statements at the end of the migration's <c>Up()</c>, its <c>…Down()</c> ones in
/// <c>Down()</c>.
/// </summary>
public static class AuditTriggerSql
{
    public const string Table = "AuditEvents";
    public const string Refusal = "audit events are append-only";

    public static string[] Sqlite() =>
    [
        $"CREATE TRIGGER \"{Table}_NoUpdate\" BEFORE UPDATE ON \"{Table}\" BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;",
        $"CREATE TRIGGER \"{Table}_NoDelete\" BEFORE DELETE ON \"{Table}\" BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;",
    ];

    public static string[] SqliteDown() =>
        [$"DROP TRIGGER IF EXISTS \"{Table}_NoUpdate\";", $"DROP TRIGGER IF EXISTS \"{Table}_NoDelete\";"];

    public static string[] Postgres() =>
    [
        $"CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{Refusal}'; END $$;",
        $"CREATE TRIGGER \"{Table}_NoChange\" BEFORE UPDATE OR DELETE ON \"{Table}\" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();",
        $"CREATE TRIGGER \"{Table}_NoTruncate\" BEFORE TRUNCATE ON \"{Table}\" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();",
    ];

    public static string[] PostgresDown() =>
    [
        $"DROP TRIGGER IF EXISTS \"{Table}_NoTruncate\" ON \"{Table}\";",
        $"DROP TRIGGER IF EXISTS \"{Table}_NoChange\" ON \"{Table}\";",
        "DROP FUNCTION IF EXISTS audit_events_append_only();",
    ];

    public static string[] SqlServer() =>
        [$"CREATE TRIGGER [{Table}_NoChange] ON [{Table}] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 51000, '{Refusal}', 1; END"];

    public static string[] SqlServerDown() => [$"DROP TRIGGER IF EXISTS [{Table}_NoChange];"];
}
