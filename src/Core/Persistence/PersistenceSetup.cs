using CommunitySaaS.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Persistence;

public static class PersistenceSetup
{
    /// <summary>One write gate per SQLite database file in this process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteWriteGate> SqliteGates = new();

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        // Every context from DI writes the audit log of its saves (see AuditInterceptor): no feature can forget it.
        services.AddAuditCapture();
        services.AddDbContext<AppDbContext>((sp, o) => Configure(o, options).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        return services;
    }

    /// <summary>Each provider keeps its migrations in its own assembly under <c>migrations/</c>; every context runs its after-commit actions.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        var cs = options.EffectiveConnectionString;
        builder.AddInterceptors(AfterCommitInterceptor.Instance);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(PrepareSqlite(cs), x => x.MigrationsAssembly("CommunitySaaS.Migrations.Sqlite"))
                .AddInterceptors(SqliteGates.GetOrAdd(cs, _ => new SqliteWriteGate())),
            DatabaseProvider.Postgres => builder.UseNpgsql(cs, x => x.MigrationsAssembly("CommunitySaaS.Migrations.Postgres")),
            DatabaseProvider.SqlServer => builder.UseSqlServer(cs, x => x.MigrationsAssembly("CommunitySaaS.Migrations.SqlServer")),
            _ => throw new InvalidOperationException($"Unknown database provider {options.Provider}."),
        };
    }

    /// <summary>The default file lives under <c>data/</c>; make sure the folder exists before SQLite opens it.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}
