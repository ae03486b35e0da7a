using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>A brand with one of everything: a member, a community, an order with a refund, an extra key.</summary>
public sealed record SweepBrand(TestTenant Tenant, string MemberExternalId, string MemberId, string CommunityId, string OrderId, string OrderInternalId, string KeyId, string RewardId = "", string EndpointId = "", string DeliveryId = "")
{
    public static async Task<SweepBrand> CreateAsync(TestHost host, string tag)
    {
        var tenant = await host.CreateTenantAsync();
        var member = await tenant.UpsertMember($"{tag}-member");
        var community = await tenant.CreateCommunity($"{tag} community", $"{tag}-member");
        var order = await tenant.PlaceOrder($"{tag}-order", $"{tag}-member");
        await (await tenant.Client.PostJson(tenant.Url($"orders/{tag}-order/refunds"), new { refundId = $"{tag}-refund", amount = 1m })).ShouldHaveStatus(HttpStatusCode.Created);
        var key = await (await tenant.Client.PostJson(tenant.Url("api-keys"), new { name = $"{tag} key", kind = "secret" })).ShouldHaveStatus(HttpStatusCode.Created);
        var reward = await (await tenant.Client.PostJson(tenant.Url("rewards"), new { code = $"{tag}-reward", name = $"{tag} reward", kind = "product", pointsCost = 1 })).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Client.PostJson(tenant.Url("tiers"), new { code = "gold", name = $"{tag} Gold", rank = 2, benefits = new { pointsMultiplier = 1.5m } })).ShouldHaveStatus(HttpStatusCode.Created);
        // Disabled, so its test delivery stays pending and unchanged: the address cannot be reached from this machine.
        var endpoint = await (await tenant.Client.PostJson(tenant.Url("webhook-endpoints"), new { url = "https://93.184.216.34/hooks", events = new[] { "tier.changed" }, enabled = false }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        var endpointId = endpoint["endpoint"]!["id"]!.GetValue<string>();
        var delivery = await (await tenant.Client.PostAsync(tenant.Url($"webhook-endpoints/{endpointId}/test"), null)).ShouldHaveStatus(HttpStatusCode.Accepted);
        return new SweepBrand(tenant, $"{tag}-member", member["id"]!.GetValue<string>(), community["id"]!.GetValue<string>(),
            $"{tag}-order", order["id"]!.GetValue<string>(), key["apiKey"]!["id"]!.GetValue<string>(), reward["id"]!.GetValue<string>(),
            endpointId, delivery["id"]!.GetValue<string>());
    }

    /// <summary>Values for every path parameter, pointing at this brand's objects.</summary>
    public IReadOnlyDictionary<string, string> PathValues(string? tenantSlug = null) => new Dictionary<string, string>
    {
        ["tenant"] = tenantSlug ?? Tenant.Slug,
        ["slug"] = Tenant.Slug,
        ["externalId"] = MemberExternalId,
        ["communityId"] = CommunityId,
        ["orderId"] = OrderId,
        ["keyId"] = KeyId,
        ["kind"] = "tiers",
        ["version"] = "1",
        ["name"] = "Calendar",
        ["rewardId"] = RewardId,
        ["redemptionId"] = "rdm_sweep",
        ["code"] = "gold",
        ["endpointId"] = EndpointId,
        ["deliveryId"] = DeliveryId,
        ["eventId"] = "swe_sweep",
    };

    /// <summary>Strings that would only appear in a response that leaked this brand's data.</summary>
    public IEnumerable<string> Secrets => [Tenant.Id, MemberId, CommunityId, OrderInternalId, KeyId, RewardId, EndpointId, DeliveryId, Tenant.SecretKey];

    /// <summary>Everything this brand can read about itself, to show a sweep changed nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var path in new[] { "settings", "members?limit=100", $"members/{MemberExternalId}", "communities?limit=100", $"communities/{CommunityId}/members?limit=100", "orders?limit=100", $"orders/{OrderId}", "api-keys?limit=100", "rulesets/tiers?limit=100", "rulesets/points/active", "plugins", "rewards?limit=100", $"rewards/{RewardId}", $"members/{MemberExternalId}/redemptions?limit=100", "audit-events?limit=100", "tiers", "tier-policy", $"members/{MemberExternalId}/tier-history", "webhook-endpoints?limit=100", $"webhook-endpoints/{EndpointId}/deliveries?limit=100" })
        {
            var node = JsonNode.Parse(await Tenant.Client.GetStringAsync(Tenant.Url(path)))!;
            Scrub(node);
            parts.Add(node.ToJsonString());
        }
        return string.Join("\n", parts);
    }

    /// <summary>Last-used times move whenever the brand's own key reads its data; they are not data a sweep could change.</summary>
    private static void Scrub(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("lastUsedAt");
            foreach (var (_, child) in obj.ToList()) if (child is not null) Scrub(child);
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array) if (child is not null) Scrub(child);
        }
    }
}
