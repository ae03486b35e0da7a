using System.Text.Json.Nodes;
using CommunitySaaS.Bench.Shared;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Bench.StripeBurst;

/// <summary>A member of a bench brand who went through checkout: the Stripe customer the fake created for them.</summary>
internal sealed record StripeMember(string ExternalId, string MemberId, string CustomerId, string SubscriptionId);

/// <summary>
/// A brand with Stripe pointed at the local fake (settings, template tiers, "black" for sale) and its members, each with
/// one subscription whose final state is set in the fake: canceled, active or past_due by member index.
/// </summary>
internal sealed class StripeBurstBrand(BenchBrand brand, string webhookSecret, string monthlyPrice, List<StripeMember> members)
{
    public BenchBrand Brand => brand;
    public string WebhookSecret => webhookSecret;
    public string MonthlyPrice => monthlyPrice;
    public IReadOnlyList<StripeMember> Members => members;

    public static async Task<StripeBurstBrand> CreateAsync(string baseUrl, string slug, int memberCount, FakeStripe stripe, DateTimeOffset now)
    {
        var brand = await BenchBrand.CreateAsync(baseUrl, slug);
        var secret = $"whsec_{slug}secret";
        await brand.SendAsync(HttpMethod.Put, "settings/stripe", new { secretKey = $"sk_test_{slug}abcd", webhookSecret = secret, publishableKey = $"pk_test_{slug}wxyz" });
        foreach (var (code, name, rank) in new[] { ("silver", "Silver", 1), ("gold", "Gold", 2), ("black", "Black", 3) })
        {
            await brand.SendAsync(HttpMethod.Post, "tiers", new { code, name, rank, benefits = new { pointsMultiplier = 1m + rank / 10m, discountPercent = rank * 5m, freeShipping = rank >= 2 } });
        }
        var monthly = $"price_m_{slug}";
        await brand.SendAsync(HttpMethod.Put, "paid-tiers/black", new { forSale = true, monthlyPriceId = monthly, yearlyPriceId = $"price_y_{slug}" });
        var members = new StripeMember[memberCount];
        await BenchBrand.ForEachAsync(memberCount, 16, async k =>
        {
            var externalId = $"sm{k:00000}";
            var member = await brand.SendAsync(HttpMethod.Put, $"members/{externalId}", new { name = $"Stripe {k}" });
            var checkout = await brand.SendAsync(HttpMethod.Post, $"members/{externalId}/memberships/checkout", new
            {
                tierCode = "black", period = "monthly", successUrl = "https://shop.example.com/ok", cancelUrl = "https://shop.example.com/cancel",
            });
            var subscription = $"sub_{slug}_{k:00000}";
            var customer = checkout["customerId"]!.GetValue<string>();
            members[k] = new StripeMember(externalId, member["id"]!.GetValue<string>(), customer, subscription);
            stripe.SetSubscription(FinalState(k, subscription, customer, monthly, now));
        });
        return new StripeBurstBrand(brand, secret, monthly, [.. members]);
    }

    /// <summary>Stripe's state once the events are over, what every processing reads whenever it runs.</summary>
    private static JsonObject FinalState(int k, string subscription, string customer, string price, DateTimeOffset now) => (k % 3) switch
    {
        0 => FakeStripe.Subscription(subscription, customer, "canceled", price, now.AddMonths(-1), now),
        1 => FakeStripe.Subscription(subscription, customer, "active", price, now.AddDays(-1), now.AddMonths(1)),
        _ => FakeStripe.Subscription(subscription, customer, "past_due", price, now.AddDays(-3), now.AddMonths(1)),
    };

    /// <summary>
    /// The events of member <paramref name="k"/>'s life in the order Stripe would send them (the lifecycle):
    /// checkout → paid → renewal → payment failed → past_due → recovered → canceled; an active member's life stops before
    /// the cancel, a past_due one's at the failed renewal.
    /// </summary>
    public static int LifeLength(int k) => (k % 3) switch { 0 => 10, 1 => 9, _ => 7 };

    public string Event(int k, int step, DateTimeOffset now)
    {
        var m = members[k];
        var (sub, customer) = (m.SubscriptionId, m.CustomerId);
        var active = FakeStripe.Subscription(sub, customer, "active", monthlyPrice, now.AddMonths(-2), now.AddMonths(-1));
        var id = $"evt_{brand.Slug}_{k:00000}_{step}";
        return step switch
        {
            0 => StripeEvents.Event(id, "checkout.session.completed", StripeEvents.CheckoutSession(sub, customer, m.MemberId), now),
            1 => StripeEvents.Event(id, "customer.subscription.created", active, now),
            2 => StripeEvents.Event(id, "invoice.paid", StripeEvents.Invoice($"in_1{sub}", sub, customer, 1000, true), now),
            3 => StripeEvents.Event(id, "customer.subscription.updated", active, now),
            4 => StripeEvents.Event(id, "invoice.paid", StripeEvents.Invoice($"in_2{sub}", sub, customer, 1000, true), now),
            5 => StripeEvents.Event(id, "invoice.payment_failed", StripeEvents.Invoice($"in_3{sub}", sub, customer, 1000, false), now),
            6 => StripeEvents.Event(id, "customer.subscription.updated", FakeStripe.Subscription(sub, customer, "past_due", monthlyPrice, now.AddDays(-3), now.AddMonths(1)), now),
            7 => StripeEvents.Event(id, "invoice.paid", StripeEvents.Invoice($"in_3{sub}", sub, customer, 1000, true), now),
            8 => StripeEvents.Event(id, "customer.subscription.updated", active, now),
            _ => StripeEvents.Event(id, "customer.subscription.deleted", FakeStripe.Subscription(sub, customer, "canceled", monthlyPrice, now.AddMonths(-1), now), now),
        };
    }

    /// <summary>One signed delivery, signed when sent (Stripe's 300 s tolerance counts from the signature).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpClient client, string body) =>
        client.SendAsync(StripeEvents.Request(brand.Slug, body, StripeEvents.Sign(body, webhookSecret, DateTimeOffset.UtcNow)));
}
