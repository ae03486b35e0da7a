using System.Net;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommunitySaaS.Api.Tests;

/// <summary>One binary, roles by configuration: a node maps only what its roles serve, and health everywhere.</summary>
public sealed class HostRoleTests
{
    [Theory]
    [InlineData("Jobs", false, false)]
    [InlineData("Api", true, false)]
    [InlineData("Admin", false, true)]
    [InlineData("Api,Admin,Jobs", true, true)]
    public async Task Node_MapsOnlyItsRolesEndpoints_AndHealthAlways(string roles, bool api, bool admin)
    {
        await using var host = new TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Roles"] = roles });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestHost.PlatformKey);

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/platform/tenants")).StatusCode.ShouldBe(api ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        (await client.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(api ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var console = await browser.GetAsync("/admin/account/login");
        (console.StatusCode != HttpStatusCode.NotFound).ShouldBe(admin, $"GET /admin/login answered {console.StatusCode}");
    }

    [Theory]
    [InlineData("Jobs", true)]
    [InlineData("Api,Admin", false)]
    public async Task Node_RunsTheJobServer_OnlyWithTheJobsRole(string roles, bool jobs)
    {
        await using var host = new TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Roles"] = roles });
        _ = host.Server;

        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();
        hosted.Contains("RecurringJobScheduler").ShouldBe(jobs, string.Join(", ", hosted));
        hosted.Contains("BackgroundJobServerHostedService").ShouldBe(jobs, string.Join(", ", hosted));
        // The runner is there on every node, so that an operator's manual run works anywhere.
        host.Services.CreateScope().ServiceProvider.GetRequiredService<RecurringJobRunner>().ShouldNotBeNull();
    }
}
