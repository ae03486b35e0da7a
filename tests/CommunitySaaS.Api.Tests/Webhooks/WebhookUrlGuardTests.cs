using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Webhooks;

namespace CommunitySaaS.Api.Tests.Webhooks;

public sealed class WebhookUrlGuardTests(GuardedSqliteHost host) : IClassFixture<GuardedSqliteHost>
{
    private static readonly WebhookUrlGuard Guard = new(new WebhookOptions { AllowHttp = true });

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://127.1/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f.1/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://017700000001/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[::127.0.0.1]/")]
    [InlineData("http://[64:ff9b::10.0.0.1]/")]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost./")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://0/")]
    [InlineData("http://[::]/")]
    [InlineData("http://10.1.2.3/")]
    [InlineData("http://172.16.0.1/")]
    [InlineData("http://172.31.255.254/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.1.1/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[fc00::1]/")]
    [InlineData("http://[fd12:3456::1]/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://[ff02::1]/")]
    [InlineData("http://255.255.255.255/")]
    [InlineData("https://user:pass@93.184.216.34/")]
    [InlineData("ftp://93.184.216.34/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task Refusal_NamesTheProblem_WhenTheUrlIsHostile(string url) =>
        (await Guard.RefusalAsync(url, CancellationToken.None)).ShouldNotBeNull(url);

    [Theory]
    [InlineData("https://93.184.216.34/hooks")]
    [InlineData("https://[2606:4700::6810:85e5]/hooks")]
    [InlineData("http://8.8.8.8:8080/x")]
    public async Task Refusal_IsNull_WhenTheAddressIsPublic(string url) =>
        (await Guard.RefusalAsync(url, CancellationToken.None)).ShouldBeNull();

    [Fact]
    public async Task Refusal_RequiresHttps_WhenHttpIsNotAllowed()
    {
        var strict = new WebhookUrlGuard(new WebhookOptions());
        (await strict.RefusalAsync("http://93.184.216.34/hooks", CancellationToken.None)).ShouldBe("url must use https.");
        (await strict.RefusalAsync("https://93.184.216.34/hooks", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Refusal_AllowsLoopback_WhenPrivateTargetsAreSwitchedOn()
    {
        var open = new WebhookUrlGuard(new WebhookOptions { AllowHttp = true, AllowPrivateTargets = true });
        (await open.RefusalAsync("http://127.0.0.1:5000/hook", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Send_IsRefusedAtConnect_WhenTheHostResolvesInwardAtDeliveryTime()
    {
        // Saved while it was public, the host now resolves to loopback (DNS rebinding): the connect itself is refused.
        await using var receiver = new WebhookReceiver();
        using var http = new WebhookHttp(Guard, new WebhookOptions { AllowHttp = true });
        var ex = await Should.ThrowAsync<HttpRequestException>(() => http.Client.PostAsync(receiver.Url("hook").Replace("127.0.0.1", "localhost"), new StringContent("{}")));
        ex.InnerException.ShouldBeOfType<WebhookTargetRefusedException>();
        receiver.Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://169.254.169.254/")]
    public async Task CreateEndpoint_Is400NamingUrl_WhenTheTargetIsInternal(string url)
    {
        var tenant = await host.CreateTenantAsync();
        var problem = await (await tenant.Client.PostJson(tenant.Url("webhook-endpoints"), new { url, events = new[] { "*" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "url");
        problem["errors"]!["url"]![0]!.GetValue<string>().ShouldContain("internal");
    }

    [Fact]
    public async Task UpdateEndpoint_Is400NamingUrl_WhenTheNewTargetIsInternal()
    {
        var tenant = await host.CreateTenantAsync();
        var created = await (await tenant.Client.PostJson(tenant.Url("webhook-endpoints"), new { url = "https://93.184.216.34/hooks", events = new[] { "*" }, enabled = false }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        var id = created["endpoint"]!["id"]!.GetValue<string>();
        var response = await tenant.Client.PatchAsync(tenant.Url($"webhook-endpoints/{id}"), System.Net.Http.Json.JsonContent.Create(new { url = "http://10.0.0.5/" }));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "url");
    }
}
