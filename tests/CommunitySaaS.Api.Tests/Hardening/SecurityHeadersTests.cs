using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunitySaaS.Api.Tests.Hardening;

public sealed class ProxiedSqliteHost() : BehindProxyHost(DatabaseProvider.Sqlite);

/// <summary>Response headers over the real pipeline: nosniff everywhere, HSTS and Secure cookies behind a TLS proxy, no-store on secrets.</summary>
public sealed class SecurityHeadersTests(ProxiedSqliteHost host) : IClassFixture<ProxiedSqliteHost>
{
    [Fact]
    public async Task EveryResponse_CarriesNosniff_WhetherOkProblemOrPage()
    {
        var tenant = await host.CreateTenantAsync();
        using var anonymous = host.ClientFrom("203.0.113.10");
        var responses = new[]
        {
            await anonymous.GetAsync("/health/live"),
            await anonymous.GetAsync("/no/such/path"),
            await anonymous.GetAsync(tenant.Url("members")),
            await anonymous.GetAsync("/admin/account/login"),
            await tenant.Client.GetAsync(tenant.Url("members")),
            await tenant.Client.PostJson(tenant.Url("orders"), new { orderId = "x" }),
        };

        responses.Select(r => (int)r.StatusCode).ShouldBe([200, 404, 401, 200, 200, 400]);
        foreach (var response in responses)
        {
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], response.RequestMessage!.RequestUri!.ToString());
        }
    }

    [Fact]
    public async Task Hsts_IsSent_WhenTheTrustedProxyForwardedHttps()
    {
        using var overTls = host.ClientFrom("203.0.113.11", https: true);
        using var plain = host.ClientFrom("203.0.113.11");

        (await overTls.GetAsync("/health/live")).Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        (await plain.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task ForwardedProto_IsIgnored_WhenTheConnectionIsNotFromAKnownProxy()
    {
        await using var untrusting = new BehindProxyHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.99.99.99" });
        using var client = untrusting.ClientFrom("203.0.113.13", https: true);

        (await client.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task ConsoleCookie_IsSecure_BehindATlsProxy()
    {
        var tenant = await host.CreateTenantAsync();
        var email = await ConsoleUsers.CreateAsync(host, tenant.Id, UserRoles.Owner);
        using var browser = host.ClientFrom("203.0.113.12", https: true, options: new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://app.example.com"),
        });
        var form = await browser.GetAsync("/admin/account/login");
        browser.DefaultRequestHeaders.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var signedIn = await browser.SignInAsync(email, ConsoleUsers.Password);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("csaas.console=", StringComparison.Ordinal));
        cookie.ToLowerInvariant().ShouldContain("; secure");
        cookie.ToLowerInvariant().ShouldContain("; httponly");
    }

    [Fact]
    public async Task SecretResponses_AreNoStore_IncludingIdempotentReplays()
    {
        var tenant = await host.CreateTenantAsync();
        using var platform = host.PlatformClient();
        var request = new { name = "Checkout key", kind = "secret" };

        var created = await tenant.Client.PostJson(tenant.Url("api-keys"), request, idempotencyKey: "key-once");
        var replayed = await tenant.Client.PostJson(tenant.Url("api-keys"), request, idempotencyKey: "key-once");
        var brand = await platform.PostJson("/api/v1/platform/tenants", new { slug = $"n{Guid.NewGuid():N}"[..12], name = "New", currency = "USD", timeZone = "UTC", returnWindowDays = 7 });
        var list = await tenant.Client.GetAsync(tenant.Url("api-keys"));

        foreach (var response in new[] { created, replayed, brand })
        {
            ((int)response.StatusCode).ShouldBe(201);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        }
        replayed.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        list.Headers.CacheControl?.NoStore.ShouldNotBe(true);
    }
}
