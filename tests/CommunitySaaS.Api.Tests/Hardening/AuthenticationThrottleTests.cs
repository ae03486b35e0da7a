using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Api.Tests.Hardening;

/// <summary>Behind a proxy, with a clock the tests move: failed keys and failed sign-ins are throttled per client address.</summary>
public sealed class ThrottleHost() : BehindProxyHost(DatabaseProvider.Sqlite, new Dictionary<string, string?>
{
    ["RateLimits:FailedKeysPerIpPerMinute"] = "5", ["RateLimits:FailedSignInsPerIpPer15Minutes"] = "5",
}, new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    public new FakeTimeProvider Clock => (FakeTimeProvider)base.Clock!;
}

public sealed class AuthenticationThrottleTests(ThrottleHost host) : IClassFixture<ThrottleHost>
{
    private const string WrongKey = "sk_test_000000000000000000000000000000000000nope";

    [Fact]
    public async Task FailedKeys_Get429WithRetryAfter_PerClientAddress_UntilTheWindowEnds()
    {
        var tenant = await host.CreateTenantAsync();
        var revoked = await (await tenant.Client.PostJson(tenant.Url("api-keys"), new { name = "old", kind = "secret" })).ShouldHaveStatus(HttpStatusCode.Created);
        await (await tenant.Client.DeleteAsync(tenant.Url($"api-keys/{revoked["apiKey"]!["id"]}"))).ShouldHaveStatus(HttpStatusCode.OK);
        var guesser = $"203.0.113.{Random.Shared.Next(1, 250)}";
        string[] failing = [WrongKey, revoked["secret"]!.GetValue<string>(), "not-even-a-key", WrongKey, WrongKey];

        foreach (var key in failing)
        {
            using var client = host.ClientFrom(guesser, key: key);
            await (await client.GetAsync(tenant.Url("members"))).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
        using var guesserWithValidKey = host.ClientFrom(guesser, key: tenant.SecretKey);
        using var guesserAgain = host.ClientFrom(guesser, key: WrongKey);
        using var neighbour = host.ClientFrom("198.51.100.7", key: tenant.SecretKey);

        var throttled = await guesserAgain.GetAsync(tenant.Url("members"));
        await throttled.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        await (await guesserWithValidKey.GetAsync(tenant.Url("members"))).ShouldBeProblem(HttpStatusCode.TooManyRequests);
        await (await neighbour.GetAsync(tenant.Url("members"))).ShouldHaveStatus(HttpStatusCode.OK);

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await guesserWithValidKey.GetAsync(tenant.Url("members"))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConsoleSignIn_AnswersTheSame_ForUnknownEmailWrongPasswordAndLockedAccount()
    {
        var tenant = await host.CreateTenantAsync();
        var email = await ConsoleUsers.CreateAsync(host, tenant.Id, UserRoles.Operator);
        using var first = Browser("192.0.2.1");
        using var second = Browser("192.0.2.2");
        using var third = Browser("192.0.2.3");
        using var fourth = Browser("192.0.2.4");

        var unknown = await (await first.SignInAsync($"nobody-{Guid.NewGuid():N}@test.example", "Wrong-pass-1")).ErrorShownAsync();
        var wrong = await (await first.SignInAsync(email, "Wrong-pass-1")).ErrorShownAsync();
        // Ten failures lock the account; no address may fail more than five times, so it takes three addresses.
        for (var i = 0; i < 3; i++) await first.SignInAsync(email, "Wrong-pass-1");
        for (var i = 0; i < 5; i++) await second.SignInAsync(email, "Wrong-pass-1");
        await third.SignInAsync(email, "Wrong-pass-1");
        var locked = await fourth.SignInAsync(email, ConsoleUsers.Password);

        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.ShouldNotBeNull();
        wrong.ShouldBe(unknown);
        (await locked.ErrorShownAsync()).ShouldBe(unknown);
    }

    [Fact]
    public async Task ConsoleSignIn_ThrottlesTheAddress_BeforeThePlatformOperatorIsLockedOut()
    {
        var operatorEmail = await ConsoleUsers.CreateAsync(host, null, UserRoles.Platform);
        using var attacker = Browser("192.0.2.50");
        using var operatorAtHome = Browser("192.0.2.60");

        for (var i = 0; i < 5; i++) (await attacker.SignInAsync(operatorEmail, $"Guess-{i}-pass")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++) refused.Add(await attacker.SignInAsync(operatorEmail, $"Guess-more-{i}"));
        var attackerWithRightPassword = await attacker.SignInAsync(operatorEmail, ConsoleUsers.Password);

        foreach (var response in refused.Append(attackerWithRightPassword))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter!.Delta!.Value.TotalMinutes.ShouldBeInRange(1, 15);
            (await response.ErrorShownAsync()).ShouldNotBeNull().ShouldContain("Too many failed sign-ins");
        }
        var signedIn = await operatorAtHome.SignInAsync(operatorEmail, ConsoleUsers.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldContain("/admin/platform/tenants");

        host.Clock.Advance(TimeSpan.FromMinutes(16));
        (await attacker.SignInAsync(operatorEmail, "Guess-after-wait")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private HttpClient Browser(string address) =>
        host.ClientFrom(address, options: new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://app.example.com") });
}

/// <summary>The per-key limiter's 429 says when to retry, like every other 429.</summary>
public sealed class TightRateLimitHost() : TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:PerKeyPerSecond"] = "1" });

public sealed class PerKeyRateLimitTests(TightRateLimitHost host) : IClassFixture<TightRateLimitHost>
{
    [Fact]
    public async Task PerKeyLimiter_Answers429ProblemWithRetryAfter_WhenTheBucketIsEmpty()
    {
        var tenant = await host.CreateTenantAsync();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await tenant.Client.GetAsync(tenant.Url("members")));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        limited.ShouldNotBeEmpty();
        foreach (var response in limited)
        {
            await response.ShouldBeProblem(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        }
    }
}
