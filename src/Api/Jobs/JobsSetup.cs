using CommunitySaaS.Api.Hosting;
using CommunitySaaS.Core.Persistence;
using Hangfire;
using Hangfire.PostgreSql;

namespace CommunitySaaS.Api.Jobs;

public static class JobsSetup
{
    /// <summary>Hangfire storage follows the database: in-memory beside SQLite, PostgreSQL or SQL Server otherwise.</summary>
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddHangfire(c =>
        {
            c.UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.Postgres:
                    c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.EffectiveConnectionString));
                    break;
                case DatabaseProvider.SqlServer:
                    c.UseSqlServerStorage(database.EffectiveConnectionString);
                    break;
                default:
                    c.UseInMemoryStorage();
                    break;
            }
        });
        builder.Services.AddScoped<RecurringJobRunner>();
        if (HostRoles.From(builder.Configuration).Jobs)
        {
            builder.Services.AddHangfireServer(o => o.WorkerCount = builder.Configuration.GetValue("Jobs:Workers", 4));
            builder.Services.AddHostedService<RecurringJobScheduler>();
        }
        return builder;
    }
}
