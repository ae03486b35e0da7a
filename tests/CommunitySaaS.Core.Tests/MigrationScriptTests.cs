using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CommunitySaaS.Core.Tests;

/// <summary>
/// SQL Server cannot run here, so its migrations are proven offline: they load, cover the model, and
/// produce a complete create script. PostgreSQL and SQLite migrations run for real in the API tests.
/// </summary>
public sealed class MigrationScriptTests
{
    [Theory]
    [InlineData(DatabaseProvider.SqlServer, "CREATE TABLE [Orders]")]
    [InlineData(DatabaseProvider.Postgres, "CREATE TABLE \"Orders\"")]
    [InlineData(DatabaseProvider.Sqlite, "CREATE TABLE \"Orders\"")]
    public void Migrations_ProduceCreateScript_ForEveryProvider(DatabaseProvider provider, string expected)
    {
        using var db = Context(provider);
        var migrations = db.Database.GetMigrations().ToList();
        migrations.ShouldNotBeEmpty();
        var script = db.GetService<IMigrator>().GenerateScript();
        script.ShouldContain(expected);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            script.ShouldContain(table, customMessage: $"{provider} migrations never create {table}");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public void Migrations_MatchTheModel_WithNoPendingChanges(DatabaseProvider provider)
    {
        using var db = Context(provider);
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run dotnet ef migrations add for {provider}");
    }

    private static AppDbContext Context(DatabaseProvider provider)
    {
        var connection = provider switch
        {
            DatabaseProvider.SqlServer => "Server=localhost;Database=offline;TrustServerCertificate=true",
            DatabaseProvider.Postgres => "Host=localhost;Database=offline",
            _ => "Data Source=:memory:",
        };
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        PersistenceSetup.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connection });
        return new AppDbContext(builder.Options, new TenantContext());
    }
}
