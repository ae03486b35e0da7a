using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Testing;

/// <summary>
/// A local stand-in for Stripe's HTTP API on loopback, speaking its JSON for what the host calls: customers (honouring
/// Idempotency-Key as Stripe does), checkout and billing portal sessions, subscriptions by id, balance and account.
/// Tests set a subscription's state with <see cref="SetSubscription"/>; a secret key containing "invalid" is refused.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private static readonly Lazy<FakeStripe> SharedInstance = new(() => Start());
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _subscriptions = new();
    private readonly ConcurrentDictionary<string, JsonObject> _customersByKey = new();
    private int _customersCreated;

    private FakeStripe(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>One fake for the test process: every host's Stripe:ApiBase points at it; tests use their own ids.</summary>
    public static FakeStripe Shared => SharedInstance.Value;

    public string BaseUrl { get; }

    public int CustomersCreated => _customersCreated;

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> CheckoutSessions { get; } = new();

    public void SetSubscription(JsonObject subscription) => _subscriptions[subscription["id"]!.GetValue<string>()] = subscription;

    public static FakeStripe Start()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app, $"http://127.0.0.1:{port}");
        fake.Map(app);
        app.StartAsync().GetAwaiter().GetResult();
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers.Authorization.ToString();
            if (!key.StartsWith("Bearer sk_", StringComparison.Ordinal) && !key.StartsWith("Bearer rk_", StringComparison.Ordinal) || key.Contains("invalid", StringComparison.Ordinal))
            {
                await Error(context, 401, "invalid_request_error", "Invalid API Key provided.");
                return;
            }
            await next(context);
        });
        app.MapGet("/v1/balance", () => Json(new JsonObject { ["object"] = "balance", ["livemode"] = false, ["available"] = new JsonArray(), ["pending"] = new JsonArray() }));
        app.MapGet("/v1/account", () => Json(new JsonObject { ["id"] = "acct_fake", ["object"] = "account", ["charges_enabled"] = true }));
        app.MapPost("/v1/customers", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
            var customer = _customersByKey.GetOrAdd(idempotencyKey.Length > 0 ? idempotencyKey : Guid.NewGuid().ToString(), _ =>
            {
                Interlocked.Increment(ref _customersCreated);
                return new JsonObject
                {
                    ["id"] = $"cus_{Guid.NewGuid():N}"[..18], ["object"] = "customer", ["email"] = form["email"].ToString(), ["livemode"] = false,
                    ["metadata"] = new JsonObject { ["member_id"] = form["metadata[member_id]"].ToString() },
                };
            });
            return Json(customer);
        });
        app.MapPost("/v1/checkout/sessions", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            CheckoutSessions.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var id = $"cs_test_{Guid.NewGuid():N}";
            return Json(new JsonObject
            {
                ["id"] = id, ["object"] = "checkout.session", ["mode"] = form["mode"].ToString(), ["customer"] = form["customer"].ToString(),
                ["url"] = $"https://checkout.stripe.com/c/pay/{id}", ["status"] = "open", ["livemode"] = false,
            });
        });
        app.MapPost("/v1/billing_portal/sessions", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var id = $"bps_{Guid.NewGuid():N}";
            return Json(new JsonObject
            {
                ["id"] = id, ["object"] = "billing_portal.session", ["customer"] = form["customer"].ToString(),
                ["return_url"] = form["return_url"].ToString(), ["url"] = $"https://billing.stripe.com/p/session/{id}", ["livemode"] = false,
            });
        });
        app.MapGet("/v1/subscriptions/{id}", (string id, HttpContext context) => _subscriptions.TryGetValue(id, out var subscription)
            ? Json(subscription)
            : Results.Json(new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["message"] = $"No such subscription: '{id}'" } }, statusCode: 404));
    }

    /// <summary>A subscription in Stripe's shape (API 2025-03 on: the period lives on the item).</summary>
    public static JsonObject Subscription(
        string id, string customer, string status, string priceId, DateTimeOffset periodStart, DateTimeOffset periodEnd,
        bool cancelAtPeriodEnd = false, string? memberId = null, string? tierCode = null) => new()
    {
        ["id"] = id, ["object"] = "subscription", ["customer"] = customer, ["status"] = status, ["livemode"] = false,
        ["cancel_at_period_end"] = cancelAtPeriodEnd, ["created"] = periodStart.ToUnixTimeSeconds(), ["currency"] = "usd",
        ["metadata"] = new JsonObject { ["member_id"] = memberId, ["tier_code"] = tierCode },
        ["items"] = new JsonObject
        {
            ["object"] = "list", ["has_more"] = false, ["url"] = $"/v1/subscription_items?subscription={id}",
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = $"si_{id}", ["object"] = "subscription_item", ["subscription"] = id, ["quantity"] = 1,
                ["current_period_start"] = periodStart.ToUnixTimeSeconds(), ["current_period_end"] = periodEnd.ToUnixTimeSeconds(),
                ["price"] = new JsonObject { ["id"] = priceId, ["object"] = "price", ["currency"] = "usd", ["unit_amount"] = 1000, ["active"] = true },
            }),
        },
    };

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    private static Task Error(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
