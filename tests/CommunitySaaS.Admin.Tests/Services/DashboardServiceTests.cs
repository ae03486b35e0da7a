using CommunitySaaS.Core;
using CommunitySaaS.Core.Dashboard;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using CommunitySaaS.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Services;

/// <summary>The dashboard's aggregates (filtered sums, a UNION ALL of per-day sums) translate and add up on both real providers.</summary>
public sealed class DashboardServiceTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task GetAsync_SumsPeriodsAndDays_WhenOrdersSpanTheMonth(DatabaseProvider provider)
    {
        await using var services = await CreateAsync(provider);
        TenantInfo tenant;
        await using (var scope = services.CreateAsyncScope())
        {
            var t = (await scope.ServiceProvider.GetRequiredService<TenantService>().CreateAsync(new CreateTenant("dash", "Dash", "USD", "UTC"))).Value!.Tenant;
            tenant = new TenantInfo(t.Id, t.Slug, t.Name, t.Currency, t.TimeZone, t.ReturnWindowDays, t.Status);
        }
        await using (var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant))
        {
            await scope.ServiceProvider.GetRequiredService<MemberService>().UpsertAsync("m1", new UpsertMember("M"));
            var orders = scope.ServiceProvider.GetRequiredService<OrderService>();
            var now = DateTimeOffset.UtcNow;
            await orders.CreateAsync(new CreateOrder("o-today", "m1", "USD", [new CreateOrderLine("S", "c", 1, 10.25m)], PaidAt: now));
            await orders.CreateAsync(new CreateOrder("o-5d", "m1", "USD", [new CreateOrderLine("S", "c", 2, 5m)], PaidAt: now.AddDays(-5)));
            await orders.CreateAsync(new CreateOrder("o-20d", "m1", "USD", [new CreateOrderLine("S", "c", 1, 100m)], PaidAt: now.AddDays(-20)));
            await orders.CreateAsync(new CreateOrder("o-40d", "m1", "USD", [new CreateOrderLine("S", "c", 1, 1000m)], PaidAt: now.AddDays(-40)));
        }

        await using var tenantScope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var view = await tenantScope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync();

        view.Periods.Select(p => p.Gmv).ShouldBe([10.25m, 20.25m, 120.25m]);
        view.Periods.Select(p => p.Orders).ShouldBe([1, 2, 3]);
        view.Days.Count.ShouldBe(DashboardService.SeriesDays);
        view.Days.Sum(d => d.Gmv).ShouldBe(120.25m);
        view.Days[^1].Gmv.ShouldBe(10.25m);
    }

    private static async Task<ServiceProvider> CreateAsync(DatabaseProvider provider)
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? PostgresServer.Instance.CreateDatabase("dash")
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"csaas-dash-{Guid.NewGuid():N}.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(), ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPersistence(configuration);
        services.AddTenancy();
        services.AddTenantsFeature().AddApiKeysFeature().AddMembersFeature().AddOrdersFeature().AddDatabaseMigrator();
        services.AddDomainEvents(runProcessor: false);
        services.AddScoped<DashboardService>();
        var built = services.BuildServiceProvider();
        await using var scope = built.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return built;
    }
}
