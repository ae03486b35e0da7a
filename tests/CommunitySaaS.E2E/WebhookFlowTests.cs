using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace CommunitySaaS.E2E;

/// <summary>An Owner adds a webhook endpoint in the browser, keeps its secret, sends a test ping, and the storefront can verify it.</summary>
[Collection(WebhookConsoleCollection.Name)]
public sealed class WebhookFlowTests(WebhookConsoleFixture console)
{
    [Fact]
    public async Task TestPing_ReachesTheReceiverSignedWithTheShownSecret_WhenOwnerAddsAnEndpoint()
    {
        await using var receiver = new LoopbackReceiver();
        var page = await console.SignInAsync("owner@demo.example");
        await console.GotoAsync(page, "/admin/webhooks");

        await page.Locator("[data-testid=webhook-url]").FillAsync(receiver.Url);
        // One type the demo never raises while the test runs: with "*" the demo's own backlog (slow when CI shares two
        // cores) fanned out after the ping and pushed it off the log's first page, so "Delivered" never showed.
        await page.Locator("[data-testid=webhook-events]").FillAsync("membership.canceled");
        await page.Locator("[data-testid=webhook-description]").FillAsync("E2E storefront");
        await page.ClickAsync("[data-testid=webhook-create]");
        var secret = (await page.Locator("[data-testid=webhook-secret]").InnerTextAsync()).Trim();
        secret.ShouldStartWith("whsec_");
        await ConsoleFixture.ScreenshotAsync(page, "webhook-secret");
        await page.ClickAsync("[data-testid=webhook-secret-done]");
        // The click reaches the server over the circuit and the box goes on the next render, not with the click.
        await page.Locator("[data-testid=webhook-secret]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.ContentAsync()).ShouldNotContain(secret);

        var row = page.Locator("[data-testid=webhook-row]").Filter(new() { HasText = receiver.Url });
        await row.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        var received = await receiver.WaitForAsync(r => JsonNode.Parse(r.Body)?["type"]?.GetValue<string>() == "ping", TimeSpan.FromSeconds(30));

        received.Path.ShouldBe("/hooks");
        var headers = new HeaderDictionary();
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" }) headers[name] = received.Headers[name];
        Should.NotThrow(() => new StandardWebhook(secret).Verify(received.Body, headers));
        Should.Throw<WebhookVerificationException>(() => new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(received.Body, headers));
        Should.Throw<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(received.Body + " ", headers));
        JsonNode.Parse(received.Body)!["data"]!["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        received.Headers["webhook-id"].ShouldStartWith("msg_");

        var log = page.Locator("[data-testid=deliveries-table]");
        await log.WaitForAsync();
        var delivered = page.Locator("[data-testid=delivery-row]").Filter(new() { HasText = received.Headers["webhook-id"] }).Filter(new() { HasText = "Delivered" });
        // The worker records the answer just after the receiver has it; the log reads again on Refresh.
        // A deadline, not a speed claim: CI runs this beside the API suite on two cores.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && await delivered.CountAsync() == 0)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ClickAsync("[data-testid=deliveries-refresh]");
        }
        await delivered.WaitForAsync();
        (await delivered.InnerTextAsync()).ShouldContain("ping");
        await ConsoleFixture.ScreenshotAsync(page, "webhooks");

        await console.GotoAsync(page, "/admin/audit");
        await page.Locator("[data-testid=audit-row]").Filter(new() { HasText = "webhook_endpoint.created" }).WaitForAsync();
        (await page.ContentAsync()).ShouldNotContain(secret);
        await ConsoleFixture.ScreenshotAsync(page, "audit-log");
        await page.Context.CloseAsync();
    }
}
