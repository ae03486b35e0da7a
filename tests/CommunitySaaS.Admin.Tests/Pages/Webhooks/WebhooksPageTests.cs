using CommunitySaaS.Admin.Layout;
using CommunitySaaS.Admin.Pages.Webhooks;
using CommunitySaaS.Admin.Security;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Core.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages.Webhooks;

/// <summary>The webhooks page on the real endpoint service and database, with production's SSRF guard on (no DNS needed: IP literals).</summary>
public sealed class WebhooksPageTests : ConsoleTestContext
{
    // TEST-NET-3: a public address to the guard, never connected to (no delivery worker runs here).
    private const string PublicUrl = "https://203.0.113.10/hooks";

    [Fact]
    public async Task Create_ShowsTheSecretOnce_WhenOwnerAddsAnEndpoint()
    {
        var page = RenderWithProviders<WebhooksPage>();
        page.Find("input[data-testid=webhook-url]").Change(PublicUrl);
        page.Find("input[data-testid=webhook-events]").Change("points.earned tier.changed");

        await page.Find("[data-testid=webhook-create]").ClickAsync(new());

        var stored = await Db.WebhookEndpoints.AsNoTracking().SingleAsync();
        var secret = Unprotect(stored.Secret);
        page.WaitForAssertion(() => page.Find("[data-testid=webhook-secret]").TextContent.ShouldBe(secret));
        secret.ShouldStartWith("whsec_");
        stored.Secret.ShouldNotContain(secret[6..], Case.Sensitive, "the database holds the secret protected");
        stored.Url.ShouldBe(PublicUrl);
        stored.EventList.ShouldBe(["points.earned", "tier.changed"]);
        page.Find("[data-testid=webhook-row]").TextContent.ShouldContain(PublicUrl);
        page.Markup.ShouldContain("will not be shown again");

        await page.Find("[data-testid=webhook-secret-done]").ClickAsync(new());

        page.FindAll("[data-testid=webhook-secret]").ShouldBeEmpty();
        page.Markup.ShouldNotContain(secret);
        var reopened = Render<WebhooksPage>();
        reopened.WaitForAssertion(() => reopened.FindAll("[data-testid=webhook-row]").Count.ShouldBe(1));
        reopened.Markup.ShouldNotContain(secret);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hooks", "internal address")]
    [InlineData("https://169.254.169.254/latest", "internal address")]
    [InlineData("http://203.0.113.10/hooks", "https")]
    public async Task Create_ShowsTheGuardsRefusal_WhenUrlIsNotAllowed(string url, string reason)
    {
        var page = RenderWithProviders<WebhooksPage>();
        page.Find("input[data-testid=webhook-url]").Change(url);

        await page.Find("[data-testid=webhook-create]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=webhook-error]").TextContent.ShouldContain(reason));
        page.FindAll("[data-testid=webhook-secret]").ShouldBeEmpty();
        (await Db.WebhookEndpoints.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Create_RefusesUnknownEventType_WhenTyped()
    {
        var page = RenderWithProviders<WebhooksPage>();
        page.Find("input[data-testid=webhook-url]").Change(PublicUrl);
        page.Find("input[data-testid=webhook-events]").Change("points.earned points.teleported");

        await page.Find("[data-testid=webhook-create]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=webhook-error]").TextContent.ShouldContain("'points.teleported'"));
        (await Db.WebhookEndpoints.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Render_ListsOnlyThisBrandsEndpoints_WhenOwner()
    {
        await EndpointAsync(BrandA, "https://203.0.113.10/a");
        await EndpointAsync(BrandB, "https://203.0.113.11/b");

        var page = RenderWithProviders<WebhooksPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=webhook-row]").Count.ShouldBe(1));
        page.Markup.ShouldContain("203.0.113.10/a");
        page.Markup.ShouldNotContain("203.0.113.11");
    }

    [Fact]
    public async Task Rotate_ShowsTheNewSecret_AndTheOldOneKeepsSigning_WhenConfirmed()
    {
        var created = await EndpointAsync(BrandA, PublicUrl);
        var page = RenderWithProviders<WebhooksPage>();

        var click = page.Find($"[data-testid=rotate-{created.Endpoint.Id}]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.Find("[data-testid=confirm]").ClickAsync(new());
        await click;

        var stored = await Db.WebhookEndpoints.AsNoTracking().SingleAsync();
        var secret = Unprotect(stored.Secret);
        secret.ShouldNotBe(created.Secret);
        Unprotect(stored.PreviousSecret!).ShouldBe(created.Secret);
        stored.PreviousSecretExpiresAt.ShouldNotBeNull();
        page.WaitForAssertion(() => page.Find("[data-testid=webhook-secret]").TextContent.ShouldBe(secret));
        page.Find("[data-testid=webhook-overlap]").TextContent.ShouldContain("previous secret keeps signing");
        page.Markup.ShouldNotContain(created.Secret);
        var audit = await Db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Action == "webhook_endpoint.secret_rotated");
        audit.TargetId.ShouldBe(created.Endpoint.Id);
        audit.Changes!.ShouldNotContain(secret);
        audit.Changes!.ShouldNotContain(created.Secret);
        audit.Changes!.ShouldNotContain(stored.Secret);
    }

    [Fact]
    public async Task Rotate_KeepsTheSecret_WhenOwnerCancels()
    {
        var created = await EndpointAsync(BrandA, PublicUrl);
        var page = RenderWithProviders<WebhooksPage>();

        var click = page.Find($"[data-testid=rotate-{created.Endpoint.Id}]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.FindAll("button").First(b => b.TextContent.Contains("Cancel", StringComparison.Ordinal)).ClickAsync(new());
        await click;

        Unprotect((await Db.WebhookEndpoints.AsNoTracking().SingleAsync()).Secret).ShouldBe(created.Secret);
        page.FindAll("[data-testid=webhook-secret]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Toggle_DisablesThenEnables_WhenOwnerClicks()
    {
        var created = await EndpointAsync(BrandA, PublicUrl);
        var page = RenderWithProviders<WebhooksPage>();
        var toggle = $"[data-testid=toggle-{created.Endpoint.Id}]";

        await page.Find(toggle).ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=webhook-status]").TextContent.ShouldContain("Disabled"));
        (await Db.WebhookEndpoints.AsNoTracking().SingleAsync()).Enabled.ShouldBeFalse();
        page.Find(toggle).TextContent.ShouldBe("Enable");

        await page.Find(toggle).ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=webhook-status]").TextContent.ShouldContain("Enabled"));
        (await Db.WebhookEndpoints.AsNoTracking().SingleAsync()).Enabled.ShouldBeTrue();
        (await Db.Set<AuditEvent>().AsNoTracking().Where(e => e.TargetId == created.Endpoint.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync())
            .ShouldBe(["webhook_endpoint.created", "webhook_endpoint.disabled", "webhook_endpoint.enabled"]);
    }

    [Fact]
    public async Task Enable_ClearsTheFailureMark_WhenEndpointWasDisabledForFailures()
    {
        var created = await EndpointAsync(BrandA, PublicUrl);
        await Db.WebhookEndpoints.Where(e => e.Id == created.Endpoint.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Enabled, false).SetProperty(e => e.DisabledForFailuresAt, DateTimeOffset.UtcNow));
        var page = RenderWithProviders<WebhooksPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=webhook-failing]").TextContent.ShouldContain("Disabled after failures"));

        await page.Find($"[data-testid=toggle-{created.Endpoint.Id}]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=webhook-failing]").ShouldBeEmpty());
        var stored = await Db.WebhookEndpoints.AsNoTracking().SingleAsync();
        stored.Enabled.ShouldBeTrue();
        stored.DisabledForFailuresAt.ShouldBeNull();
    }

    [Fact]
    public async Task Test_QueuesAPingDelivery_AndShowsItInTheLog()
    {
        var created = await EndpointAsync(BrandA, PublicUrl);
        var page = RenderWithProviders<WebhooksPage>();

        await page.Find($"[data-testid=test-{created.Endpoint.Id}]").ClickAsync(new());

        var delivery = await Db.WebhookDeliveries.AsNoTracking().SingleAsync();
        delivery.EndpointId.ShouldBe(created.Endpoint.Id);
        delivery.EventType.ShouldBe(WebhookCatalogue.Ping);
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        page.WaitForAssertion(() => page.Find("[data-testid=delivery-row]").TextContent.ShouldContain(delivery.Id));
        page.Find("[data-testid=delivery-status]").TextContent.ShouldBe("Pending");
        page.Find("[data-testid=deliveries-of]").TextContent.ShouldContain(PublicUrl);

        await page.Find($"[data-testid=test-{created.Endpoint.Id}]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=delivery-row]").Count.ShouldBe(2));
    }

    [Fact]
    public async Task Retry_QueuesAFailedDeliveryAgain_AndOffersNoRetryForADeliveredOne()
    {
        var created = await EndpointAsync(BrandA, PublicUrl);
        var failed = await DeliveryAsync(created.Endpoint.Id, WebhookDeliveryStatus.Failed);
        var delivered = await DeliveryAsync(created.Endpoint.Id, WebhookDeliveryStatus.Delivered);
        var page = RenderWithProviders<WebhooksPage>();
        await page.Find($"[data-testid=log-{created.Endpoint.Id}]").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid=delivery-row]").Count.ShouldBe(2));
        page.FindAll($"[data-testid=retry-{delivered}]").ShouldBeEmpty();

        await page.Find($"[data-testid=retry-{failed}]").ClickAsync(new());

        var stored = await Db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == failed);
        stored.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        stored.NextAttemptAt.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
        page.WaitForAssertion(() => page.FindAll("[data-testid=delivery-status]").Select(s => s.TextContent).ShouldBe(["Delivered", "Pending"], ignoreOrder: true));
        var audit = await Db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Action == "webhook_delivery.retried");
        audit.Changes!.ShouldContain(failed);
    }

    [Theory]
    [InlineData(UserRoles.Operator)]
    [InlineData(UserRoles.Finance)]
    public async Task Page_IsOwnerOnly_WhenSignedInWithAnotherRole(string role)
    {
        await EndpointAsync(BrandA, PublicUrl);
        SignIn(role);

        typeof(WebhooksPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Single().Policy.ShouldBe(ConsolePolicies.Owner);
        // Reached anyway (a crafted navigation), the page refuses on the server before reading the endpoints.
        Should.Throw<UnauthorizedAccessException>(() => Render<WebhooksPage>());
        Render<NavMenu>().Markup.ShouldNotContain("admin/webhooks");
    }

    [Fact]
    public void NavMenu_LinksWebhooks_WhenOwner() => Render<NavMenu>().Markup.ShouldContain("admin/webhooks");

    private AppDbContext Db => Services.GetRequiredService<AppDbContext>();

    private string Unprotect(string stored) =>
        Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSecrets.Purpose).Unprotect(stored);

    private async Task<CreatedWebhookEndpoint> EndpointAsync(TenantInfo tenant, string url)
    {
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var result = await scope.ServiceProvider.GetRequiredService<WebhookEndpointService>().CreateAsync(new CreateWebhookEndpoint(url, ["*"]));
        return result.Value.ShouldNotBeNull(result.Message);
    }

    /// <summary>A delivery as the worker leaves it after its last attempt (the worker does not run in these tests).</summary>
    private async Task<string> DeliveryAsync(string endpointId, WebhookDeliveryStatus status)
    {
        var now = DateTimeOffset.UtcNow;
        var delivery = new WebhookDelivery
        {
            EndpointId = endpointId, EventId = Core.Common.Ids.New("evt"), EventType = "points.earned", Payload = "{}", EventAt = now, CreatedAt = now,
            Status = status, Attempts = 3, NextAttemptAt = now.AddDays(1), LastAttemptAt = now,
            ResponseStatus = status == WebhookDeliveryStatus.Delivered ? 200 : 503, ResponseBody = "{\"error\":\"down\"}",
        };
        Db.WebhookDeliveries.Add(delivery);
        await Db.SaveChangesAsync();
        return delivery.Id;
    }
}
