using System.Net;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Webhooks;

public sealed record CreatedEndpoint(string Id, string Secret);

public static class WebhookScenario
{
    public static async Task<CreatedEndpoint> CreateEndpoint(this TestTenant tenant, string url, params string[] events)
    {
        var created = await (await tenant.Client.PostJson(tenant.Url("webhook-endpoints"), new { url, events, description = "test receiver" }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        return new CreatedEndpoint(created["endpoint"]!["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
    }

    public static async Task<string> RotateSecret(this TestTenant tenant, string endpointId, int overlapHours) =>
        (await (await tenant.Client.PostJson(tenant.Url($"webhook-endpoints/{endpointId}/rotate-secret"), new { overlapHours })).ShouldHaveStatus(HttpStatusCode.OK))
            ["secret"]!.GetValue<string>();

    /// <summary>
    /// One signature per secret, each verifying with the StandardWebhooks package. Its Verify (1.1.2) compares only the
    /// first signature of the list, so each is handed to it alone.
    /// </summary>
    public static void ShouldVerifyWithEach(this ReceivedWebhook received, params string[] secrets)
    {
        var signatures = received.Signature.Split(' ');
        signatures.Length.ShouldBe(secrets.Length);
        for (var i = 0; i < secrets.Length; i++)
        {
            new StandardWebhooks.StandardWebhook(secrets[i]).Verify(received.Body, (received with { Signature = signatures[i] }).Headers());
        }
    }

    public static async Task<JsonArray> Deliveries(this TestTenant tenant, string endpointId) =>
        (await (await tenant.Client.GetAsync(tenant.Url($"webhook-endpoints/{endpointId}/deliveries?limit=100"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray();

    public static async Task<string> Ping(this TestTenant tenant, string endpointId) =>
        (await (await tenant.Client.PostAsync(tenant.Url($"webhook-endpoints/{endpointId}/test"), null)).ShouldHaveStatus(HttpStatusCode.Accepted))["id"]!.GetValue<string>();

    public static async Task<List<WebhookDelivery>> StoredDeliveries(this TestHost host, string endpointId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AsNoTracking().Where(d => d.EndpointId == endpointId).ToListAsync();
    }

    public static async Task<WebhookEndpoint> StoredEndpoint(this TestHost host, string endpointId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AsNoTracking().SingleAsync(e => e.Id == endpointId);
    }

    public static async Task WaitUntil(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still waiting for {what}.");
            await Task.Delay(25);
        }
    }

    /// <summary>Builds each stored event's body again now, through the same data sources the fan-out uses.</summary>
    public static async Task<List<JsonNode>> RenderWebhooksAgainAsync(this TestHost host, TestTenant tenant, params string[] types)
    {
        await using var scope = await host.ScopeAsync(tenant);
        var services = scope.ServiceProvider;
        var serializer = services.GetRequiredService<EventSerializer>();
        var payloads = await services.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => types.Contains(m.Type)).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        var bodies = new List<JsonNode>();
        foreach (var domainEvent in payloads.Select(serializer.Deserialize))
        {
            var source = typeof(IWebhookData<>).MakeGenericType(domainEvent.GetType());
            var data = await (Task<object>)source.GetMethod(nameof(IWebhookData<DomainEvent>.DataAsync))!
                .Invoke(services.GetRequiredService(source), [domainEvent, CancellationToken.None])!;
            bodies.Add(JsonNode.Parse(WebhookPayloads.Body(domainEvent.EventId, domainEvent.Type, domainEvent.OccurredAt, data))!);
        }
        return bodies;
    }

    public static Microsoft.AspNetCore.Http.HeaderDictionary Headers(this ReceivedWebhook received) => new()
    {
        ["webhook-id"] = received.Id, ["webhook-timestamp"] = received.Timestamp, ["webhook-signature"] = received.Signature,
    };
}
