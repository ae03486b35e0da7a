using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>What a storefront does, in one line each, so tests read as scenarios.</summary>
public static class Storefront
{
    public static async Task<JsonNode> UpsertMember(this TestTenant tenant, string externalId, object? body = null)
    {
        var response = await tenant.Client.PutAsJsonAsync(tenant.Url($"members/{externalId}"), body ?? new { name = $"Member {externalId}", email = $"{externalId}@example.com" });
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonNode> CreateCommunity(this TestTenant tenant, string name, string? leader = null)
    {
        var response = await tenant.Client.PostJson(tenant.Url("communities"), new { name, kind = "onlineGroup", leaderExternalId = leader });
        return await response.ShouldHaveStatus(HttpStatusCode.Created);
    }

    public static object Order(string orderId, string member, string currency = "USD", int quantity = 2, decimal unitPrice = 10m, string? communityId = null) =>
        new
        {
            orderId, memberExternalId = member, currency, communityId,
            lines = new[] { new { sku = "TEA-1", category = "tea", quantity, unitPrice }, new { sku = "MUG-1", category = "home", quantity = 1, unitPrice = 5m } },
        };

    public static async Task<JsonNode> PlaceOrder(this TestTenant tenant, string orderId, string member, string? communityId = null)
    {
        var response = await tenant.Client.PostJson(tenant.Url("orders"), Order(orderId, member, communityId: communityId));
        return await response.ShouldHaveStatus(HttpStatusCode.Created);
    }
}
