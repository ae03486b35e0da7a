using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Memberships;

/// <summary>Hosts whose Stripe client talks to the shared local fake.</summary>
public sealed class StripeSqliteHost() : TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Stripe:ApiBase"] = FakeStripe.Shared.BaseUrl });

public sealed class StripePostgresHost() : TestHost(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Stripe:ApiBase"] = FakeStripe.Shared.BaseUrl });

/// <summary>A brand with Stripe set up, the template tiers, and "black" for sale monthly and yearly.</summary>
public sealed record StripeBrand(TestTenant Tenant, string WebhookSecret, string MonthlyPrice, string YearlyPrice)
{
    public static async Task<StripeBrand> CreateAsync(TestHost host)
    {
        var tenant = await host.CreateTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var secret = $"whsec_{tag}secret";
        await (await tenant.Client.PutAsync(tenant.Url("settings/stripe"), System.Net.Http.Json.JsonContent.Create(new
        {
            secretKey = $"sk_test_{tag}abcd", webhookSecret = secret, publishableKey = $"pk_test_{tag}wxyz",
        }))).ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.DefineTemplateTiers();
        var brand = new StripeBrand(tenant, secret, $"price_m{tag}", $"price_y{tag}");
        await (await tenant.Client.PutAsync(tenant.Url("paid-tiers/black"), System.Net.Http.Json.JsonContent.Create(new
        {
            forSale = true, monthlyPriceId = brand.MonthlyPrice, yearlyPriceId = brand.YearlyPrice,
        }))).ShouldHaveStatus(HttpStatusCode.OK);
        return brand;
    }

    public Task<HttpResponseMessage> SendAsync(HttpClient client, string body, DateTimeOffset? signedAt = null, string? secret = null) =>
        client.SendAsync(StripeEvents.Request(Tenant.Slug, body, StripeEvents.Sign(body, secret ?? WebhookSecret, signedAt ?? DateTimeOffset.UtcNow)));

    /// <summary>Starts a checkout for the member through the API; answers the Stripe customer id.</summary>
    public async Task<string> CheckoutAsync(string externalId)
    {
        var created = await (await Tenant.Client.PostJson(Tenant.Url($"members/{externalId}/memberships/checkout"), new
        {
            tierCode = "black", period = "monthly", successUrl = "https://shop.example.com/ok", cancelUrl = "https://shop.example.com/cancel",
        })).ShouldHaveStatus(HttpStatusCode.Created);
        return created["customerId"]!.GetValue<string>();
    }

    public async Task<string> MemberIdAsync(TestHost host, string externalId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Members.IgnoreQueryFilters().Where(m => m.TenantId == Tenant.Id && m.ExternalId == externalId).Select(m => m.Id).SingleAsync();
    }

    public async Task<JsonArray> MembershipsAsync(string externalId) =>
        (await (await Tenant.Client.GetAsync(Tenant.Url($"members/{externalId}/memberships"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray();
}

public static class OutboxDrain
{
    /// <summary>Waits until every event of the brand is handled (or dead-lettered); fails after 60 s.</summary>
    public static async Task DrainAsync(this TestHost host, string tenantId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                if (!await db.OutboxMessages.IgnoreQueryFilters().AnyAsync(m => m.TenantId == tenantId && m.ProcessedAt == null && m.DeadLetteredAt == null)) return;
            }
            if (DateTime.UtcNow > deadline)
            {
                var errors = await host.QueryAsync(db => db.OutboxMessages.IgnoreQueryFilters()
                    .Where(m => m.TenantId == tenantId && m.ProcessedAt == null).Select(m => m.Type + ": " + m.LastError).ToListAsync());
                throw new TimeoutException($"The outbox of {tenantId} did not drain in 60 s: {string.Join(" | ", errors)}");
            }
            await Task.Delay(100);
        }
    }

    public static async Task<T> QueryAsync<T>(this TestHost host, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
