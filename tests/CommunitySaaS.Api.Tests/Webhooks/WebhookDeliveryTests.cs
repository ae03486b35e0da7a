using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace CommunitySaaS.Api.Tests.Webhooks;

public abstract class WebhookDeliveryTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Create_ShowsTheSecretOnceWithNoStore_AndNeverAgain()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var response = await tenant.Client.PostJson(tenant.Url("webhook-endpoints"), new { url = receiver.Url("a"), events = new[] { "points.earned", "tier.changed" }, description = "CRM" });
        var created = await response.ShouldHaveStatus(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var secret = created["secret"]!.GetValue<string>();
        secret.ShouldStartWith("whsec_");
        Convert.FromBase64String(secret[6..]).Length.ShouldBe(32);
        var id = created["endpoint"]!["id"]!.GetValue<string>();
        response.Headers.Location!.ToString().ShouldEndWith($"/webhook-endpoints/{id}");

        var got = await (await tenant.Client.GetAsync(tenant.Url($"webhook-endpoints/{id}"))).ShouldHaveStatus(HttpStatusCode.OK);
        got["events"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["points.earned", "tier.changed"]);
        var everything = string.Join("\n", await tenant.Client.GetStringAsync(tenant.Url($"webhook-endpoints/{id}")),
            await tenant.Client.GetStringAsync(tenant.Url("webhook-endpoints")), await tenant.Client.GetStringAsync(tenant.Url("audit-events?limit=100")));
        everything.ShouldNotContain(secret[6..]);

        var patched = await (await tenant.Client.PatchAsync(tenant.Url($"webhook-endpoints/{id}"), JsonContent.Create(new { enabled = false, events = new[] { "*" } })))
            .ShouldHaveStatus(HttpStatusCode.OK);
        patched["enabled"]!.GetValue<bool>().ShouldBeFalse();
        var rotated = await tenant.Client.PostJson(tenant.Url($"webhook-endpoints/{id}/rotate-secret"), new { overlapHours = 1 });
        var newSecret = (await rotated.ShouldHaveStatus(HttpStatusCode.OK))["secret"]!.GetValue<string>();
        rotated.Headers.CacheControl!.NoStore.ShouldBeTrue();
        newSecret.ShouldNotBe(secret);
        var audit = await tenant.Client.GetStringAsync(tenant.Url("audit-events?limit=100"));
        audit.ShouldContain("webhook_endpoint.created");
        audit.ShouldContain("webhook_endpoint.disabled");
        audit.ShouldContain("webhook_endpoint.secret_rotated");
        audit.ShouldNotContain(secret[6..]);
        audit.ShouldNotContain(newSecret[6..]);

        await (await tenant.Client.DeleteAsync(tenant.Url($"webhook-endpoints/{id}"))).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Client.GetAsync(tenant.Url($"webhook-endpoints/{id}"))).ShouldBeProblem(HttpStatusCode.NotFound);
        (await tenant.Client.GetStringAsync(tenant.Url("audit-events?limit=100"))).ShouldContain("webhook_endpoint.deleted");
    }

    [Theory]
    [InlineData("points.earnt")]
    [InlineData("ping")]
    [InlineData("")]
    public async Task Create_Is400NamingTheEventType_WhenItIsNotInTheCatalogue(string type)
    {
        var tenant = await host.CreateTenantAsync();
        var problem = await (await tenant.Client.PostJson(tenant.Url("webhook-endpoints"), new { url = "https://93.184.216.34/h", events = new[] { "order.paid", type } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "events");
        problem["errors"]!["events"]![0]!.GetValue<string>().ShouldContain($"'{type}'");
    }

    [Fact]
    public async Task EventTypes_ListsTheCatalogue()
    {
        var tenant = await host.CreateTenantAsync();
        var types = (await (await tenant.Client.GetAsync(tenant.Url("webhook-event-types"))).ShouldHaveStatus(HttpStatusCode.OK))["data"]!.AsArray()
            .Select(t => t!["name"]!.GetValue<string>()).ToList();
        types.ShouldBe(WebhookCatalogue.All.Select(e => e.Name).ToList());
        types.ShouldContain("order.paid");
        types.ShouldContain("member.created");
        types.ShouldContain("ping");
    }

    [Fact]
    public async Task DomainEvent_IsDeliveredSigned_AndVerifiesWithTheStandardWebhooksVerifier()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("members"), "member.created");
        var other = await tenant.CreateEndpoint(receiver.Url("orders-only"), "order.paid");
        await tenant.UpsertMember("cust-42");

        var received = (await receiver.WaitForAsync("members", 1)).ShouldHaveSingleItem();
        new StandardWebhook(endpoint.Secret).Verify(received.Body, received.Headers());
        WebhookVerifier.Verify(endpoint.Secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow).ShouldBeTrue();
        WebhookVerifier.Verify(other.Secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow).ShouldBeFalse();
        WebhookVerifier.Verify(endpoint.Secret, received.Id, received.Timestamp, received.Signature, received.Body + " ", DateTimeOffset.UtcNow).ShouldBeFalse();
        var body = JsonNode.Parse(received.Body)!;
        body["type"]!.GetValue<string>().ShouldBe("member.created");
        body["id"]!.GetValue<string>().ShouldStartWith("evt_");
        body["data"]!["externalId"]!.GetValue<string>().ShouldBe("cust-42");
        received.Id.ShouldStartWith("msg_");

        await WebhookScenario.WaitUntil(async () => (await tenant.Deliveries(endpoint.Id)).Any(d => d!["status"]!.GetValue<string>() == "delivered"), "the log");
        var logged = (await tenant.Deliveries(endpoint.Id)).ShouldHaveSingleItem()!;
        logged["responseStatus"]!.GetValue<int>().ShouldBe(200);
        logged["responseBody"]!.GetValue<string>().ShouldBe("{\"ok\":true}");
        logged["attempts"]!.GetValue<int>().ShouldBe(1);
        logged["latencyMs"].ShouldNotBeNull();
        receiver.At("orders-only").ShouldBeEmpty();
    }

    [Fact]
    public async Task FanOut_OpensNoUnitOfWork_ForATypeNoEndpointSubscribesTo_AndStillFinishesTheEvent()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("orders"), "order.paid");
        await tenant.UpsertMember("m-skip");
        await tenant.PlaceOrder("o-skip", "m-skip");

        (await receiver.WaitForAsync("orders", 1)).ShouldHaveSingleItem();
        var created = await ProcessedEventAsync(tenant.Id, "member.created");
        var paid = await ProcessedEventAsync(tenant.Id, "order.paid");
        await using var scope = host.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().InboxRecords.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking();
        (await inbox.Where(i => i.EventId == created).Select(i => i.Handler).ToListAsync()).ShouldNotContain(h => h.Contains("WebhookFanOut"));
        (await inbox.Where(i => i.EventId == paid).Select(i => i.Handler).ToListAsync()).ShouldContain("CommunitySaaS.Core.Webhooks.WebhookFanOut<OrderPaid>");
        (await host.StoredDeliveries(endpoint.Id)).ShouldHaveSingleItem().EventType.ShouldBe("order.paid");
    }

    private async Task<string> ProcessedEventAsync(string tenantId, string type)
    {
        string? id = null;
        await WebhookScenario.WaitUntil(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters([AppDbContext.TenantFilter])
                .Where(m => m.TenantId == tenantId && m.Type == type && m.ProcessedAt != null).Select(m => m.Id).SingleOrDefaultAsync();
            return id is not null;
        }, $"the {type} event to be processed");
        return id!;
    }

    [Fact]
    public async Task RotatedSecret_SignsAlongsideTheNewOne_UntilTheOverlapEnds()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("rotating"), "*");
        var rotated = await (await tenant.Client.PostJson(tenant.Url($"webhook-endpoints/{endpoint.Id}/rotate-secret"), new { overlapHours = 24 })).ShouldHaveStatus(HttpStatusCode.OK);
        var newSecret = rotated["secret"]!.GetValue<string>();
        await tenant.Ping(endpoint.Id);
        var received = (await receiver.WaitForAsync("rotating", 1)).ShouldHaveSingleItem();
        received.Signature.Split(' ').Length.ShouldBe(2);
        new StandardWebhook(newSecret).Verify(received.Body, received.Headers());
        // StandardWebhooks 1.1.2's Verify compares only the first signature of the list, so the old secret's (the second) is
        // handed to it alone; the README's verifier checks each, as the spec says a receiver must.
        new StandardWebhook(endpoint.Secret).Verify(received.Body, (received with { Signature = received.Signature.Split(' ')[1] }).Headers());
        WebhookVerifier.Verify(endpoint.Secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow).ShouldBeTrue();
        WebhookVerifier.Verify(newSecret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow).ShouldBeTrue();

        await (await tenant.Client.PostJson(tenant.Url($"webhook-endpoints/{endpoint.Id}/rotate-secret"), new { overlapHours = 0 })).ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.Ping(endpoint.Id);
        (await receiver.WaitForAsync("rotating", 2))[1].Signature.Split(' ').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Deliveries_ReachOneEndpointInEventOrder_WhenTheFirstFailsAndIsRetried()
    {
        await using var receiver = new WebhookReceiver { Answer = (_, n) => (n <= 2 ? 500 : 200, TimeSpan.Zero) };
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("ordered"), "member.created");
        for (var i = 1; i <= 5; i++) await tenant.UpsertMember($"m{i}");

        var received = await receiver.WaitForAsync("ordered", 7);
        received.Count.ShouldBe(7);
        received.Take(3).Select(r => r.Id).Distinct().ShouldHaveSingleItem("the first delivery is retried before any later one is sent");
        received.Skip(2).Select(r => JsonNode.Parse(r.Body)!["data"]!["externalId"]!.GetValue<string>()).ShouldBe(["m1", "m2", "m3", "m4", "m5"]);
        var first = (await tenant.Deliveries(endpoint.Id)).Single(d => d!["id"]!.GetValue<string>() == received[0].Id)!;
        first["attempts"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task SlowEndpoint_DoesNotDelayAHealthyOne()
    {
        await using var receiver = new WebhookReceiver { Answer = (path, _) => (200, path == "/slow" ? TimeSpan.FromSeconds(5) : TimeSpan.Zero) };
        var tenant = await host.CreateTenantAsync();
        var slow = await tenant.CreateEndpoint(receiver.Url("slow"), "member.created");
        await tenant.CreateEndpoint(receiver.Url("fast"), "member.created");
        var started = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 5; i++) await tenant.UpsertMember($"s{i}");

        var fast = await receiver.WaitForAsync("fast", 5, TimeSpan.FromSeconds(10));
        fast.Count.ShouldBe(5);
        (fast[^1].At - started).ShouldBeLessThan(TimeSpan.FromSeconds(2), "the fast endpoint waited for the slow one");
        receiver.At("slow").Count.ShouldBeLessThanOrEqualTo(1);
        (await host.StoredDeliveries(slow.Id)).Count(d => d.Status == WebhookDeliveryStatus.Pending).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Retry_SendsAFailedDeliveryAgain_AndDeliveredOnesAreConflicts()
    {
        await using var receiver = new WebhookReceiver { Answer = (_, n) => (n == 1 ? 500 : 200, TimeSpan.Zero) };
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("retry"), "*");
        var delivery = await tenant.Ping(endpoint.Id);
        await receiver.WaitForAsync("retry", 1);
        await WebhookScenario.WaitUntil(async () => (await tenant.Deliveries(endpoint.Id))[0]!["status"]!.GetValue<string>() == "delivered", "the automatic retry");
        await (await tenant.Client.PostAsync(tenant.Url($"webhook-endpoints/{endpoint.Id}/deliveries/{delivery}/retry"), null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await tenant.Client.PostAsync(tenant.Url($"webhook-endpoints/{endpoint.Id}/deliveries/msg_nope/retry"), null)).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}

public sealed class WebhookDeliveryTestsOnSqlite(WebhookSqliteHost host) : WebhookDeliveryTests<WebhookSqliteHost>(host);

public sealed class WebhookDeliveryTestsOnPostgres(WebhookPostgresHost host) : WebhookDeliveryTests<WebhookPostgresHost>(host);
