using System.Net;
using System.Net.Http.Json;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Http;

/// <summary>Every test client comes from the same (unknown) address, so the per-address sign-in throttle is set out of the way here.</summary>
public sealed class ConsoleHost() : TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:FailedSignInsPerIpPer15Minutes"] = "1000" });

/// <summary>The console through the real host: sign-in, lockout, and brand isolation for a signed-in Owner.</summary>
public sealed class ConsoleHttpTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Password = "Passw0rd-123";

    [Fact]
    public async Task Admin_RedirectsToSignIn_WhenAnonymous()
    {
        using var console = new ConsoleClient(host);

        var response = await console.Http.GetAsync("/admin/members");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/admin/account/login");
    }

    [Fact]
    public async Task OwnerOfBrandA_NeverSeesBrandB_WhenSignedIn()
    {
        var (a, b) = (await host.CreateTenantAsync(), await host.CreateTenantAsync());
        (await a.Client.PutAsJsonAsync(a.Url("members/alice"), new { name = "Alice of A" })).EnsureSuccessStatusCode();
        (await b.Client.PutAsJsonAsync(b.Url("members/bella"), new { name = "Bella of B" })).EnsureSuccessStatusCode();
        var email = await CreateUserAsync(a.Id, UserRoles.Owner);
        using var console = new ConsoleClient(host);

        (await console.SignInAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await console.Http.GetStringAsync("/admin/members/alice")).ShouldContain("Alice of A");
        var other = await console.Http.GetStringAsync("/admin/members/bella");
        other.ShouldContain("No member with id &#x27;bella&#x27;");
        other.ShouldNotContain("Bella of B");
        (await console.Http.GetAsync(b.Url("members"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await console.Http.GetAsync(a.Url("members"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OwnerPages_AreDenied_WhenFinanceSignsIn()
    {
        var a = await host.CreateTenantAsync();
        var email = await CreateUserAsync(a.Id, UserRoles.Finance);
        using var console = new ConsoleClient(host);
        await console.SignInAsync(email, Password);

        (await console.Http.GetAsync("/admin/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var denied = await console.Http.GetAsync("/admin/api-keys");

        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/admin/account/denied");
    }

    [Fact]
    public async Task SignIn_LocksAccount_WhenPasswordFailsTenTimes()
    {
        var a = await host.CreateTenantAsync();
        var email = await CreateUserAsync(a.Id, UserRoles.Operator);
        using var console = new ConsoleClient(host);

        for (var i = 0; i < 10; i++) (await console.SignInAsync(email, "Wrong-pass-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await console.SignInAsync(email, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("or the account is locked");
        (await console.Http.GetAsync("/admin/members")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Api_KeepsItsBehaviour_WhenConsoleIsMounted()
    {
        var a = await host.CreateTenantAsync();
        using var anonymous = host.CreateClient();

        (await anonymous.GetAsync(a.Url("members"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await a.Client.GetAsync(a.Url("members"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> CreateUserAsync(string tenantId, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await using var scope = host.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateInTenantAsync(tenantId, new CreateUser(email, role, role, Password));
        created.Succeeded.ShouldBeTrue(created.Message);
        return email;
    }
}
