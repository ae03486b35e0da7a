using CommunitySaaS.Api.Hosting;
using CommunitySaaS.Core;
using CommunitySaaS.Core.Persistence;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;

namespace CommunitySaaS.Api.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire storage follows the database: in-memory beside SQLite, PostgreSQL or SQL Server otherwise. The storage is
    /// this host's own singleton (Hangfire only falls back to its static <c>JobStorage.Current</c> when none is
    /// registered), so the job locks, the server and the recurring manager all use the same one.
    /// </summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.Postgres => new PostgreSqlStorage(new NpgsqlConnectionFactory(database.EffectiveConnectionString, new PostgreSqlStorageOptions(), null), new PostgreSqlStorageOptions()),
            DatabaseProvider.SqlServer => new SqlServerStorage(database.EffectiveConnectionString),
            _ => new InMemoryStorage(),
        });
        builder.Services.AddHangfire((services, c) => c
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));
        builder.Services.AddJobRunsFeature();
        // Hangfire's configuration first, as Hangfire's own registrations do: it points Hangfire's static logging at this host.
        builder.Services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            return new JobLock(sp.GetRequiredService<JobStorage>());
        });
        builder.Services.AddSingleton<JobRunTelemetry>();
        builder.Services.AddScoped<RecurringJobRunner>();
        if (HostRoles.From(builder.Configuration).Jobs)
        {
            builder.Services.AddHangfireServer(o => o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 4));
            builder.Services.AddHostedService<RecurringJobScheduler>();
        }
        return builder;
    }
}
