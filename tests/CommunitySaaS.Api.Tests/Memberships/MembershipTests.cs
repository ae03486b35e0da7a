using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Api.Tests.Webhooks;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Stripe;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Api.Tests.Memberships;

public abstract class MembershipTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task StripeSettings_ShowOnlyLast4AndStayOutOfTheAudit_AndCheckAsksStripe()
    {
        var brand = await StripeBrand.CreateAsync(host);
        var tenant = brand.Tenant;
        var shown = await (await tenant.Client.GetAsync(tenant.Url("settings/stripe"))).ShouldHaveStatus(HttpStatusCode.OK);
        shown["configured"]!.GetValue<bool>().ShouldBeTrue();
        shown["secretKeyLast4"]!.GetValue<string>().ShouldBe("abcd");
        shown.ToJsonString().ShouldNotContain("sk_test_");
        shown.ToJsonString().ShouldNotContain("whsec_");

        var stored = await host.QueryAsync(db => db.Set<StripeSettings>().IgnoreQueryFilters().SingleAsync(s => s.TenantId == tenant.Id));
        stored.SecretKeyCipher.ShouldNotContain("sk_test_");
        var audit = await host.QueryAsync(db => db.Set<AuditEvent>().IgnoreQueryFilters().Where(a => a.TenantId == tenant.Id).ToListAsync());
        audit.ShouldContain(a => a.Action == "stripe_settings.saved");
        string.Join("\n", audit.Select(a => System.Text.Json.JsonSerializer.Serialize(a))).ShouldNotContain(brand.WebhookSecret);

        var check = await (await tenant.Client.PostAsync(tenant.Url("settings/stripe/check"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        check["ok"]!.GetValue<bool>().ShouldBeTrue(check.ToJsonString());

        await (await tenant.Client.PutAsync(tenant.Url("settings/stripe"), System.Net.Http.Json.JsonContent.Create(new
        {
            secretKey = "sk_test_invalid123456", webhookSecret = brand.WebhookSecret, publishableKey = "pk_test_abcdefghijk",
        }))).ShouldHaveStatus(HttpStatusCode.OK);
        var refused = await (await tenant.Client.PostAsync(tenant.Url("settings/stripe/check"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        refused["ok"]!.GetValue<bool>().ShouldBeFalse();
        await (await tenant.Client.PutAsync(tenant.Url("settings/stripe"), System.Net.Http.Json.JsonContent.Create(new
        {
            secretKey = "nope", webhookSecret = brand.WebhookSecret, publishableKey = "pk_test_abcdefghijk",
        }))).ShouldBeProblem(HttpStatusCode.BadRequest, "secretKey");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("bad")]
    [InlineData("stale")]
    [InlineData("other-brand")]
    public async Task Webhook_Is400AndChangesNothing_WhenSignatureIsWrong(string kind)
    {
        var brand = await StripeBrand.CreateAsync(host);
        var other = await StripeBrand.CreateAsync(host);
        using var client = host.CreateClient();
        var body = StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.paid", StripeEvents.Invoice("in_x", "sub_x", "cus_x", 1000, true), Now);
        var signature = kind switch
        {
            "missing" => null,
            "bad" => StripeEvents.Sign(body, "whsec_wrongsecret", Now),
            "stale" => StripeEvents.Sign(body, brand.WebhookSecret, Now.AddSeconds(-301)),
            _ => StripeEvents.Sign(body, other.WebhookSecret, Now),
        };

        var response = await client.SendAsync(StripeEvents.Request(brand.Tenant.Slug, body, signature));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        (await host.QueryAsync(db => db.Set<StripeWebhookEvent>().IgnoreQueryFilters().CountAsync(e => e.TenantId == brand.Tenant.Id || e.TenantId == other.Tenant.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Webhook_StoresAnEventOnce_WhenReplayedAndWhenSentToAnotherBrand()
    {
        var brand = await StripeBrand.CreateAsync(host);
        var other = await StripeBrand.CreateAsync(host);
        using var client = host.CreateClient();
        var body = StripeEvents.Event($"evt_{Guid.NewGuid():N}", "customer.created", new System.Text.Json.Nodes.JsonObject { ["id"] = "cus_z", ["object"] = "customer" }, Now);

        (await (await brand.SendAsync(client, body)).ShouldHaveStatus(HttpStatusCode.OK))["duplicate"]!.GetValue<bool>().ShouldBeFalse();
        (await (await brand.SendAsync(client, body)).ShouldHaveStatus(HttpStatusCode.OK))["duplicate"]!.GetValue<bool>().ShouldBeTrue();
        (await (await other.SendAsync(client, body)).ShouldHaveStatus(HttpStatusCode.OK))["duplicate"]!.GetValue<bool>().ShouldBeFalse();
        await host.DrainAsync(brand.Tenant.Id);

        (await host.QueryAsync(db => db.Set<StripeWebhookEvent>().IgnoreQueryFilters().CountAsync(e => e.TenantId == brand.Tenant.Id))).ShouldBe(1);
        var log = await (await brand.Tenant.Client.GetAsync(brand.Tenant.Url("stripe-events"))).ShouldHaveStatus(HttpStatusCode.OK);
        log["data"]![0]!["state"]!.GetValue<string>().ShouldBe("Processed", StringCompareShould.IgnoreCase);
        var otherLog = await (await other.Tenant.Client.GetAsync(other.Tenant.Url($"stripe-events/{log["data"]![0]!["id"]!.GetValue<string>()}"))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Checkout_CreatesOneCustomerAndASubscriptionSession_WhenCalledConcurrently()
    {
        var brand = await StripeBrand.CreateAsync(host);
        await brand.Tenant.UpsertMember("buyer");
        var before = FakeStripe.Shared.CustomersCreated;

        var customers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => brand.CheckoutAsync("buyer")));

        customers.Distinct().Count().ShouldBe(1);
        (FakeStripe.Shared.CustomersCreated - before).ShouldBe(1);
        (await host.QueryAsync(db => db.Set<StripeCustomer>().IgnoreQueryFilters().CountAsync(c => c.TenantId == brand.Tenant.Id))).ShouldBe(1);
        var session = FakeStripe.Shared.CheckoutSessions.Last(s => s.GetValueOrDefault("customer") == customers[0]);
        session["mode"].ShouldBe("subscription");
        session["line_items[0][price]"].ShouldBe(brand.MonthlyPrice);
        var portal = await (await brand.Tenant.Client.PostJson(brand.Tenant.Url("members/buyer/memberships/portal"), new { returnUrl = "https://shop.example.com/account" }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        portal["url"]!.GetValue<string>().ShouldStartWith("https://billing.stripe.com/");
        await (await brand.Tenant.Client.PostJson(brand.Tenant.Url("members/buyer/memberships/checkout"), new
        {
            tierCode = "gold", period = "monthly", successUrl = "https://shop.example.com/ok", cancelUrl = "https://shop.example.com/cancel",
        })).ShouldBeProblem(HttpStatusCode.BadRequest, "tierCode");
    }

    [Theory]
    [InlineData(2, "black", "paid")]
    [InlineData(10, null, null)]
    public async Task PastDue_KeepsThePaidTierUntilGraceEnds(int daysSinceFailedRenewal, string? expectedTier, string? expectedSource)
    {
        var brand = await StripeBrand.CreateAsync(host);
        await brand.Tenant.UpsertMember("late");
        var customer = await brand.CheckoutAsync("late");
        var subscription = $"sub_{Guid.NewGuid():N}";
        var start = Now.AddDays(-daysSinceFailedRenewal);
        FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "past_due", brand.MonthlyPrice, start, start.AddMonths(1)));
        using var client = host.CreateClient();

        await (await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.payment_failed",
            StripeEvents.Invoice($"in_{Guid.NewGuid():N}", subscription, customer, 1000, paid: false), Now))).ShouldHaveStatus(HttpStatusCode.OK);
        await host.DrainAsync(brand.Tenant.Id);

        var membership = (await brand.MembershipsAsync("late")).Single()!;
        membership["status"]!.GetValue<string>().ShouldBe("past_due");
        var tier = await brand.Tenant.Tier("late");
        tier.Code().ShouldBe(expectedTier);
        tier["source"]?.GetValue<string>().ShouldBe(expectedSource);
    }

    [Fact]
    public async Task RefundedPayment_RevokesTheTier_WhenBrandPolicySaysSo()
    {
        var brand = await StripeBrand.CreateAsync(host);
        await (await brand.Tenant.Client.PutAsync(brand.Tenant.Url("settings/memberships"), System.Net.Http.Json.JsonContent.Create(new { graceDays = 7, revokeOnRefund = true })))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await brand.Tenant.UpsertMember("refunder");
        var customer = await brand.CheckoutAsync("refunder");
        var subscription = $"sub_{Guid.NewGuid():N}";
        var invoice = $"in_{Guid.NewGuid():N}";
        FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "active", brand.MonthlyPrice, Now, Now.AddMonths(1)));
        using var client = host.CreateClient();
        await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.paid", StripeEvents.Invoice(invoice, subscription, customer, 1000, true), Now));
        await host.DrainAsync(brand.Tenant.Id);
        (await brand.Tenant.Tier("refunder")).Code().ShouldBe("black");

        await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "charge.refunded", StripeEvents.Charge(invoice, refunded: true), Now));
        await host.DrainAsync(brand.Tenant.Id);

        (await brand.Tenant.Tier("refunder")).Code().ShouldBeNull();
        (await brand.MembershipsAsync("refunder")).Single()!["revokedAt"].ShouldNotBeNull();
        (await host.EventsAsync(brand.Tenant.Id, MembershipCanceled.TypeName)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task MembershipWebhooks_CarryTheMembershipAsListed_WithEachEventsStatus()
    {
        var brand = await StripeBrand.CreateAsync(host);
        await (await brand.Tenant.Client.PutAsync(brand.Tenant.Url("settings/memberships"), System.Net.Http.Json.JsonContent.Create(new { graceDays = 7, revokeOnRefund = true })))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await brand.Tenant.UpsertMember("watcher");
        var customer = await brand.CheckoutAsync("watcher");
        var subscription = $"sub_{Guid.NewGuid():N}";
        var invoice = $"in_{Guid.NewGuid():N}";
        FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "active", brand.MonthlyPrice, Now, Now.AddMonths(1)));
        using var client = host.CreateClient();
        await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.paid", StripeEvents.Invoice(invoice, subscription, customer, 1000, true), Now));
        await host.DrainAsync(brand.Tenant.Id);
        var active = (await brand.MembershipsAsync("watcher")).Single()!;
        await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "charge.refunded", StripeEvents.Charge(invoice, refunded: true), Now));
        await host.DrainAsync(brand.Tenant.Id);
        var ended = (await brand.MembershipsAsync("watcher")).Single()!;

        var bodies = await host.RenderWebhooksAgainAsync(brand.Tenant, MembershipActivated.TypeName, MembershipPaid.TypeName, MembershipCanceled.TypeName);

        var byType = bodies.ToDictionary(b => b["type"]!.GetValue<string>(), b => b["data"]!);
        byType[MembershipCanceled.TypeName].ShouldMatch(ended);
        var activated = byType[MembershipActivated.TypeName];
        foreach (var field in new[] { "id", "status", "phase", "tierCode", "currentPeriodEnd", "granting", "memberExternalId" })
        {
            JsonNode.DeepEquals(activated[field], active[field]).ShouldBeTrue($"{field}: {activated[field]} is not {active[field]}");
        }
        activated["revokedAt"].ShouldBeNull();
        var paid = byType[MembershipPaid.TypeName];
        paid["invoiceId"]!.GetValue<string>().ShouldBe(invoice);
        paid["amount"]!.GetValue<decimal>().ShouldBe(10m);
        paid["membership"]!["id"]!.GetValue<string>().ShouldBe(active["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentDeliveries_OfOneEvent_StoreOneRowAndPayOnce()
    {
        var brand = await StripeBrand.CreateAsync(host);
        await brand.Tenant.UpsertMember("rush");
        var customer = await brand.CheckoutAsync("rush");
        var subscription = $"sub_{Guid.NewGuid():N}";
        FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "active", brand.MonthlyPrice, Now, Now.AddMonths(1)));
        var body = StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.paid", StripeEvents.Invoice($"in_{Guid.NewGuid():N}", subscription, customer, 1000, true), Now);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var client = host.CreateClient();
            return (await brand.SendAsync(client, body)).StatusCode;
        }));
        await host.DrainAsync(brand.Tenant.Id);

        answers.ShouldAllBe(s => s == HttpStatusCode.OK);
        (await host.QueryAsync(db => db.Set<StripeWebhookEvent>().IgnoreQueryFilters().CountAsync(e => e.TenantId == brand.Tenant.Id))).ShouldBe(1);
        (await host.EventsAsync(brand.Tenant.Id, MembershipPaid.TypeName)).Count.ShouldBe(1);
        (await brand.Tenant.Tier("rush")).Code().ShouldBe("black");
    }
}

public sealed class SqliteMembershipTests(StripeSqliteHost host) : MembershipTests<StripeSqliteHost>(host);

public sealed class PostgresMembershipTests(StripePostgresHost host) : MembershipTests<StripePostgresHost>(host);
