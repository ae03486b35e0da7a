using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CommunitySaaS.Testing;

/// <summary>Webhook payloads in Stripe's event shape, signed with Stripe's scheme: <c>t=…,v1=</c>HMAC-SHA256 of "t.body" with the whsec secret.</summary>
public static class StripeEvents
{
    public static string Event(string id, string type, JsonObject dataObject, DateTimeOffset created) => new JsonObject
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = "2025-08-27.basil", ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = type,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();

    public static string Sign(string body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }

    public static HttpRequestMessage Request(string tenantSlug, string body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{tenantSlug}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return request;
    }

    public static JsonObject Invoice(string id, string subscription, string customer, long amount, bool paid) => new()
    {
        ["id"] = id, ["object"] = "invoice", ["customer"] = customer, ["currency"] = "usd", ["amount_paid"] = paid ? amount : 0,
        ["amount_due"] = amount, ["status"] = paid ? "paid" : "open", ["livemode"] = false, ["charge"] = $"ch_{id}",
        ["parent"] = new JsonObject { ["type"] = "subscription_details", ["subscription_details"] = new JsonObject { ["subscription"] = subscription } },
    };

    public static JsonObject CheckoutSession(string subscription, string customer, string memberId) => new()
    {
        ["id"] = $"cs_test_{Guid.NewGuid():N}", ["object"] = "checkout.session", ["mode"] = "subscription", ["status"] = "complete",
        ["subscription"] = subscription, ["customer"] = customer, ["client_reference_id"] = memberId, ["livemode"] = false,
    };

    public static JsonObject Charge(string invoiceId, bool refunded) => new()
    {
        ["id"] = $"ch_{invoiceId}", ["object"] = "charge", ["amount"] = 1000, ["amount_refunded"] = refunded ? 1000 : 0, ["refunded"] = refunded,
        ["currency"] = "usd", ["livemode"] = false,
    };
}
