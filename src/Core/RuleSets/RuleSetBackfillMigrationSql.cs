using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// The data half of the rules-runtime migration, kept here so it survives a regeneration of the migrations:
/// <list type="number">
/// <item>brands with no version of a kind get the template as active version 1, in force from the brand's creation
/// (templates used to be seeded lazily by the first read; reads no longer write);</item>
/// <item>a template version 1 that a first read seeded after the brand was created is in force from the brand's
/// creation too: before that read, any evaluation would have seeded and used it, so events in between are covered;</item>
/// <item>archived versions without <c>ArchivedAt</c> get the instant their successor was published, so the timeline
/// that pins an event to the version active at its time has no open-ended archived rows.</item>
/// </list>
/// One statement per list entry; double-quoted identifiers read the same on SQLite, PostgreSQL and SQL Server
/// (QUOTED_IDENTIFIER ON); only the new id expression differs.
/// </summary>
public static class RuleSetBackfillMigrationSql
{
    public static IReadOnlyList<string> Sqlite() => Statements("'rsv_' || lower(hex(randomblob(16)))");

    public static IReadOnlyList<string> Postgres() => Statements("'rsv_' || replace(gen_random_uuid()::text, '-', '')");

    public static IReadOnlyList<string> SqlServer() => Statements("'rsv_' + lower(replace(convert(nvarchar(36), newid()), '-', ''))");

    private static List<string> Statements(string newId)
    {
        var statements = RuleSetKinds.All.Select(kind => $"""
            INSERT INTO "RuleSetVersions" ("Id", "TenantId", "Kind", "Version", "Status", "WorkflowJson", "Note", "CreatedBy", "CreatedAt", "PublishedAt", "PublishedBy")
            SELECT {newId}, t."Id", '{kind}', 1, 'Active', {Literal(RuleSetTemplates.Default(kind))}, '{RuleSetTemplateSeeder.Note}', '{RuleSetTemplateSeeder.Actor}', t."CreatedAt", t."CreatedAt", '{RuleSetTemplateSeeder.Actor}'
            FROM "Tenants" t
            WHERE NOT EXISTS (SELECT 1 FROM "RuleSetVersions" v WHERE v."TenantId" = t."Id" AND v."Kind" = '{kind}')
            """).ToList();
        statements.Add($"""
            UPDATE "RuleSetVersions"
            SET "PublishedAt" = (SELECT t."CreatedAt" FROM "Tenants" t WHERE t."Id" = "RuleSetVersions"."TenantId")
            WHERE "Version" = 1 AND "CreatedBy" = '{RuleSetTemplateSeeder.Actor}' AND "PublishedAt" IS NOT NULL
              AND "PublishedAt" > (SELECT t."CreatedAt" FROM "Tenants" t WHERE t."Id" = "RuleSetVersions"."TenantId")
            """);
        statements.Add("""
            UPDATE "RuleSetVersions"
            SET "ArchivedAt" = (SELECT MIN(n."PublishedAt") FROM "RuleSetVersions" n
                                WHERE n."TenantId" = "RuleSetVersions"."TenantId" AND n."Kind" = "RuleSetVersions"."Kind" AND n."PublishedAt" > "RuleSetVersions"."PublishedAt")
            WHERE "Status" = 'Archived' AND "ArchivedAt" IS NULL
            """);
        return statements;
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
