using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

/// <summary>The data migration's statements on a real SQLite database (PostgreSQL: see the API tests).</summary>
public sealed class RuleSetBackfillMigrationSqlTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task Backfill_SeedsTemplatesFromTheBrandsCreation_AndClosesArchivedVersions()
    {
        var bare = await database.AddTenantAsync($"t{Guid.NewGuid():N}"[..10]);
        var used = await database.AddTenantAsync($"t{Guid.NewGuid():N}"[..10]);
        var createdAt = await CreatedAtAsync(used);
        var lazySeed = createdAt.AddDays(3);
        var republish = createdAt.AddDays(5);
        await using (var db = database.Open(used))
        {
            db.RuleSetVersions.Add(Version(RuleSetKind.Points, 1, RuleSetStatus.Archived, RuleSetTemplateSeeder.Actor, lazySeed));
            db.RuleSetVersions.Add(Version(RuleSetKind.Points, 2, RuleSetStatus.Active, "key_x", republish));
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open(null))
        {
            await BackfillAsync(db);
        }

        await using var bareDb = database.Open(bare);
        var seeded = await bareDb.RuleSetVersions.ToListAsync();
        seeded.Select(v => v.Kind).ShouldBe(RuleSetKinds.All, ignoreOrder: true);
        seeded.ShouldAllBe(v => v.Version == 1 && v.Status == RuleSetStatus.Active && v.WorkflowJson == RuleSetTemplates.Default(v.Kind));
        seeded.ShouldAllBe(v => v.PublishedAt == v.CreatedAt && v.Id.StartsWith("rsv_") && v.Id.Length == 36);
        seeded.Select(v => v.Id).Distinct().Count().ShouldBe(3);

        await using var usedDb = database.Open(used);
        var points = await usedDb.RuleSetVersions.Where(v => v.Kind == RuleSetKind.Points).OrderBy(v => v.Version).ToListAsync();
        points.Count.ShouldBe(2);
        points[0].PublishedAt.ShouldBe(createdAt);
        points[0].ArchivedAt.ShouldBe(republish);
        points[1].PublishedAt.ShouldBe(republish);
        (await usedDb.RuleSetVersions.CountAsync(v => v.Kind != RuleSetKind.Points)).ShouldBe(2);
    }

    [Fact]
    public async Task Backfill_ChangesNothing_WhenRunTwice()
    {
        await database.AddTenantAsync($"t{Guid.NewGuid():N}"[..10]);
        await using var db = database.Open(null);
        await BackfillAsync(db);
        var before = await db.RuleSetVersions.IgnoreQueryFilters().AsNoTracking().OrderBy(v => v.Id).ToListAsync();

        await BackfillAsync(db);

        var after = await db.RuleSetVersions.IgnoreQueryFilters().AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        after.Select(v => (v.Id, v.PublishedAt, v.ArchivedAt)).ShouldBe(before.Select(v => (v.Id, v.PublishedAt, v.ArchivedAt)));
    }

    /// <summary>As a migration runs them: verbatim (EF's raw SQL helpers would read the JSON's braces as format items).</summary>
    private static async Task BackfillAsync(Persistence.AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var statement in RuleSetBackfillMigrationSql.Sqlite())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<DateTimeOffset> CreatedAtAsync(Tenancy.TenantInfo tenant)
    {
        await using var db = database.Open(null);
        return await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.CreatedAt).SingleAsync();
    }

    private static RuleSetVersion Version(RuleSetKind kind, int number, RuleSetStatus status, string actor, DateTimeOffset publishedAt) => new()
    {
        Kind = kind, Version = number, Status = status, WorkflowJson = RuleSetTemplates.Default(kind), CreatedBy = actor, CreatedAt = publishedAt,
        PublishedBy = actor, PublishedAt = publishedAt,
    };
}
