using System.Text.Json.Nodes;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>
/// A valid body for every write endpoint. The sweeps fail on an operation that is missing here, so whoever
/// adds an endpoint also puts it under the isolation and bad-input sweeps.
/// </summary>
public static class SampleRequests
{
    public static JsonNode For(ApiOperation operation, string memberExternalId, string? communityId) => operation.Key switch
    {
        "POST /api/v1/platform/tenants" => Json(new { slug = $"s{Guid.NewGuid():N}"[..12], name = "Sweep brand", currency = "USD", timeZone = "UTC", returnWindowDays = 7 }),
        "PATCH /api/v1/{tenant}/settings" => Json(new { name = "Renamed", returnWindowDays = 21 }),
        "POST /api/v1/{tenant}/api-keys" => Json(new { name = "Sweep key", kind = "secret" }),
        "PUT /api/v1/{tenant}/members/{externalId}" => Json(new { name = "Sweep member", email = "sweep@example.com", phone = "+15550100", birthday = "1990-01-31", tags = new[] { "a" } }),
        "POST /api/v1/{tenant}/communities" or "PUT /api/v1/{tenant}/communities/{communityId}" =>
            Json(new { name = "Sweep store", kind = "offlineStore", leaderExternalId = memberExternalId, address = new { line = "1 A St", city = "B", region = "C", postalCode = "123", country = "US" } }),
        "POST /api/v1/{tenant}/communities/{communityId}/members" => Json(new { memberExternalId }),
        "POST /api/v1/{tenant}/orders" => Json(new
        {
            orderId = $"sweep-{Guid.NewGuid():N}", memberExternalId, currency = "USD", communityId, kosShareCode = "KOS1",
            paidAt = DateTimeOffset.UtcNow.AddHours(-1), shipping = 1.5m, discount = 0.5m,
            lines = new[] { new { sku = "S", category = "c", quantity = 1, unitPrice = 2.5m, discount = 0.25m } },
        }),
        "POST /api/v1/{tenant}/orders/{orderId}/refunds" => Json(new { refundId = $"r-{Guid.NewGuid():N}", lines = new[] { new { lineNumber = 1, quantity = 1 } }, reason = "sweep" }),
        "POST /api/v1/{tenant}/rulesets/{kind}" => Json(new { workflow = TiersWorkflow, note = "sweep draft" }),
        "POST /api/v1/{tenant}/rulesets/{kind}/validate" => Json(new { workflow = TiersWorkflow }),
        "POST /api/v1/{tenant}/rulesets/{kind}/simulate" => Json(new { version = 1, cases = new[] { new { name = "big spender", stats = new { spend12m = 2500m, orders12m = 3 } } } }),
        "POST /api/v1/{tenant}/rulesets/{kind}/{version}/publish" or "POST /api/v1/{tenant}/rulesets/{kind}/{version}/rollback" => Json(new { note = "sweep" }),
        "POST /api/v1/{tenant}/rewards" or "PUT /api/v1/{tenant}/rewards/{rewardId}" =>
            Json(new { code = $"sweep-{Guid.NewGuid():N}"[..20], name = "Sweep tea", kind = "product", pointsCost = 1, stock = 3, perMemberLimit = 2 }),
        "POST /api/v1/{tenant}/rewards/{rewardId}/codes" => Json(new[] { $"SWEEP-{Guid.NewGuid():N}"[..16] }),
        "POST /api/v1/{tenant}/members/{externalId}/redemptions" => Json(new { rewardId = "rwd_sweep", quantity = 1 }),
        "POST /api/v1/{tenant}/members/{externalId}/points/adjustments" => Json(new { points = 5, reason = "sweep" }),
        "POST /api/v1/{tenant}/members/{externalId}/activities" => Json(new { activityId = $"act-{Guid.NewGuid():N}", type = "checkin", occurredAt = DateTimeOffset.UtcNow }),
        "PUT /api/v1/{tenant}/settings/loyalty" => Json(new { expiryMode = "rollingMonths", expiryCount = 12, returnPolicy = "reverseFully" }),
        "POST /api/v1/{tenant}/tiers" => Json(new { code = $"t{Guid.NewGuid():N}"[..12], name = "Sweep tier", rank = Random.Shared.Next(100, 1000), benefits = new { pointsMultiplier = 1.5m, discountPercent = 5m, freeShipping = true, custom = "Lounge access" } }),
        "PUT /api/v1/{tenant}/tiers/{code}" => Json(new { name = "Gold+", rank = 2, benefits = new { pointsMultiplier = 2m, discountPercent = 10m, freeShipping = true } }),
        "PUT /api/v1/{tenant}/tier-policy" => Json(new { reevaluationMonths = 6, graceDays = 14 }),
        // An address literal: public, so the SSRF guard lets it pass without the DNS lookup this closed machine cannot do.
        "POST /api/v1/{tenant}/webhook-endpoints" => Json(new { url = "https://93.184.216.34/hooks", events = new[] { "order.paid", "tier.changed" }, description = "Sweep hook", enabled = false }),
        "PATCH /api/v1/{tenant}/webhook-endpoints/{endpointId}" => Json(new { description = "Sweep hook, renamed", events = new[] { "*" } }),
        "POST /api/v1/{tenant}/webhook-endpoints/{endpointId}/rotate-secret" => Json(new { overlapHours = 2 }),
        "PUT /api/v1/{tenant}/settings/stripe" => Json(new { secretKey = "sk_test_sweep123456", webhookSecret = "whsec_sweep123456", publishableKey = "pk_test_sweep123456" }),
        "PUT /api/v1/{tenant}/settings/memberships" => Json(new { graceDays = 7, revokeOnRefund = false }),
        "PUT /api/v1/{tenant}/paid-tiers/{code}" => Json(new { forSale = true, monthlyPriceId = $"price_{Guid.NewGuid():N}", yearlyPriceId = (string?)null }),
        "POST /api/v1/{tenant}/members/{externalId}/memberships/checkout" => Json(new { tierCode = "gold", period = "monthly", successUrl = "https://shop.example.com/ok", cancelUrl = "https://shop.example.com/no" }),
        "POST /api/v1/{tenant}/members/{externalId}/memberships/portal" => Json(new { returnUrl = "https://shop.example.com/account" }),
        _ when !operation.HasBody => new JsonObject(),
        _ => throw new InvalidOperationException($"No sample body for {operation.Key}: add one so the sweeps cover it."),
    };

    /// <summary>
    /// A tiers rule set (the sweep's kind): every field of it is checked by the rules library, and the priority is
    /// written as text so that each spoiled value, even a plain number, is refused.
    /// </summary>
    private static readonly object TiersWorkflow = new
    {
        WorkflowName = "tiers",
        Rules = new[] { new { RuleName = "Gold", Expression = "stats.Spend12m >= 2000", Properties = new { tier = "Gold", priority = "2" } } },
    };

    private static JsonNode Json(object value) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(value))!;
}
