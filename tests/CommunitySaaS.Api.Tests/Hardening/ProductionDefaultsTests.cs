using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Demo;
using CommunitySaaS.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Hardening;

/// <summary>
/// What a production deploy gets from the shipped defaults: no working demo secrets, a refusal to start with the
/// public platform key, and logs without passwords; while the run command (Development) keeps its seeded demo.
/// </summary>
public sealed class ProductionDefaultsTests
{
    private const string StrongPlatformKey = "platform_prod_key_7f3a9c1e5b2d8f4a6c0e9b7d";
    private const string DemoPassword = "Staging-Pass-4711";

    [Theory]
    [InlineData("Production", "platform_demo_change_me", "shipped demo key")]
    [InlineData("Production", "short_key_0123456789", "at least 32 characters")]
    [InlineData("Staging", "platform_demo_change_me", "shipped demo key")]
    public async Task Host_RefusesToStart_WhenPlatformKeyIsShippedOrShortOutsideDevelopment(string environment, string key, string reason)
    {
        await using var host = new EnvironmentHost(environment, new Dictionary<string, string?> { ["Platform:ApiKey"] = key });

        var error = Should.Throw<InvalidOperationException>(() => host.CreateClient());

        error.Message.ShouldContain("Platform:ApiKey");
        error.Message.ShouldContain(reason);
        if (key != "platform_demo_change_me") error.Message.ShouldNotContain(key);
    }

    [Fact]
    public async Task ShippedDefaults_GiveNoDemoBrandKeyOrUsers_WhenProduction()
    {
        await using var host = new EnvironmentHost("Production", new Dictionary<string, string?>
        {
            ["Demo:Seed"] = null, ["Platform:ApiKey"] = StrongPlatformKey,
        });
        var demo = host.Services.GetRequiredService<DemoOptions>();
        using var demoKey = host.ClientWithKey(demo.SecretKey);
        using var shippedPlatformKey = host.ClientWithKey("platform_demo_change_me");
        using var platform = host.ClientWithKey(StrongPlatformKey);

        demo.Seed.ShouldBeFalse();
        await (await demoKey.GetAsync("/api/v1/demo/members")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await shippedPlatformKey.GetAsync("/api/v1/platform/tenants")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var tenants = await (await platform.GetAsync("/api/v1/platform/tenants")).ShouldHaveStatus(HttpStatusCode.OK);
        tenants["data"]!.AsArray().ShouldBeEmpty();
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Users.AppUser>>();
        foreach (var user in DemoUsers.For(demo)) (await users.FindByEmailAsync(user.Email)).ShouldBeNull();
    }

    [Fact]
    public async Task Banner_PrintsNoPasswordOrSecretKey_WhenDemoIsEnabledExplicitlyInProduction()
    {
        await using var host = new EnvironmentHost("Production", new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true", ["Demo:UserPassword"] = DemoPassword, ["Platform:ApiKey"] = StrongPlatformKey,
        });
        var demo = host.Services.GetRequiredService<DemoOptions>();
        using var demoKey = host.ClientWithKey(demo.SecretKey);

        await (await demoKey.GetAsync("/api/v1/demo/members?limit=1")).ShouldHaveStatus(HttpStatusCode.OK);
        await WaitForBannerAsync(host);

        host.AllLogs.ShouldContain("owner@demo.example");
        host.AllLogs.ShouldNotContain(DemoPassword);
        host.AllLogs.ShouldNotContain(demo.SecretKey);
        host.AllLogs.ShouldNotContain(StrongPlatformKey);
    }

    /// <summary>README's run command runs in Development (launchSettings): the shipped keys and the seeded demo work there.</summary>
    [Fact]
    public async Task ShippedDefaults_SeedTheDemoAndPrintItsLogins_WhenDevelopment()
    {
        await using var host = new EnvironmentHost("Development", new Dictionary<string, string?>
        {
            ["Demo:Seed"] = null, ["Platform:ApiKey"] = null, ["Demo:UserPassword"] = DemoPassword,
        });
        var demo = host.Services.GetRequiredService<DemoOptions>();
        using var demoKey = host.ClientWithKey(demo.SecretKey);
        using var platform = host.ClientWithKey("platform_demo_change_me");

        await (await demoKey.GetAsync("/api/v1/demo/members?limit=1")).ShouldHaveStatus(HttpStatusCode.OK);
        await (await platform.GetAsync("/api/v1/platform/tenants")).ShouldHaveStatus(HttpStatusCode.OK);
        await WaitForBannerAsync(host);
        host.AllLogs.ShouldContain(DemoPassword);
    }

    [Fact]
    public async Task DemoCredentials_StopWorking_WhenAProductionHostFindsThemFromAnEarlierRun()
    {
        await using var earlier = new EnvironmentHost("Development", new Dictionary<string, string?> { ["Demo:Seed"] = null, ["Platform:ApiKey"] = null });
        var demo = earlier.Services.GetRequiredService<DemoOptions>();
        using (var before = earlier.ClientWithKey(demo.SecretKey))
        {
            await (await before.GetAsync("/api/v1/demo/members?limit=1")).ShouldHaveStatus(HttpStatusCode.OK);
        }
        await using var production = new EnvironmentHost("Production", new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = earlier.ConnectionString, ["Demo:Seed"] = null, ["Platform:ApiKey"] = StrongPlatformKey,
        });
        using var demoKey = production.ClientWithKey(demo.SecretKey);
        using var browser = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        await (await demoKey.GetAsync("/api/v1/demo/members?limit=1")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var platformOperator = DemoUsers.For(demo).Single(u => u.Role == Core.Users.UserRoles.Platform);
        var signIn = await browser.SignInAsync(platformOperator.Email, demo.UserPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await signIn.ErrorShownAsync()).ShouldNotBeNull().ShouldContain("incorrect");
        production.AllLogs.ShouldContain("demo secret key was still active and is now revoked");
        production.AllLogs.ShouldContain($"{platformOperator.Email} still had the demo password and is now locked");
    }

    [Fact]
    public void LaunchSettings_RunTheHostInDevelopment()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CommunitySaaS.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No repository root.");
        var settings = File.ReadAllText(Path.Combine(root, "src", "Api", "Properties", "launchSettings.json"));

        settings.ShouldContain("\"ASPNETCORE_ENVIRONMENT\": \"Development\"");
        settings.ShouldNotContain("applicationUrl", customMessage: "an applicationUrl would override ASPNETCORE_URLS, which the fresh-clone check sets");
    }

    private static async Task WaitForBannerAsync(EnvironmentHost host)
    {
        for (var i = 0; i < 100 && !host.AllLogs.Contains("Demo console logins", StringComparison.Ordinal); i++) await Task.Delay(50);
        host.AllLogs.ShouldContain("Demo console logins");
    }
}
