using CommunitySaaS.Admin.Pages.Platform;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tenants;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class PlatformTests : ConsoleTestContext
{
    public PlatformTests() => SignIn(UserRoles.Platform);

    [Fact]
    public async Task Render_ListsEveryBrand_WhenPlatformOperator()
    {
        var page = RenderWithProviders<TenantsPage>();

        await page.WaitForElementAsync("[data-testid=toggle-brand-b]");
        page.Find("[data-testid=tenants-table]").TextContent.ShouldContain("brand-a");
    }

    [Fact]
    public async Task Suspend_SuspendsBrand_WhenConfirmed()
    {
        var page = RenderWithProviders<TenantsPage>();
        await page.WaitForElementAsync("[data-testid=toggle-brand-b]");

        var click = page.Find("[data-testid=toggle-brand-b]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.Find("[data-testid=confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.Find("[data-testid=toggle-brand-b]").TextContent.ShouldBe("Activate"));
    }

    [Fact]
    public async Task CreateDialog_ShowsErrorsOnBothParts_WhenSubmittedEmpty()
    {
        var (provider, _) = await ShowDialogAsync<CreateTenantDialog>();

        await provider.Find("[data-testid=tenant-create]").ClickAsync(new());

        var text = provider.Find(".mud-dialog").TextContent;
        text.ShouldContain("The Slug field is required.");
        text.ShouldContain("The Email field is required.");
    }

    [Fact]
    public async Task CreateDialog_CreatesBrandKeyAndOwner_WhenValid()
    {
        var (provider, reference) = await ShowDialogAsync<CreateTenantDialog>();
        provider.Find("input[data-testid=tenant-slug]").Input("brand-c");
        provider.Find("input[data-testid=tenant-name]").Input("Brand C");
        provider.Find("input[data-testid=owner-email]").Input("owner@c.example");
        provider.Find("input[data-testid=owner-name]").Input("Cora Owner");
        provider.Find("input[data-testid=owner-password]").Input("Passw0rd-123");

        await provider.Find("[data-testid=tenant-create]").ClickAsync(new());

        var created = (await reference.Result)!.Data.ShouldBeOfType<OnboardedTenant>();
        created.Tenant.SecretKey.Secret.ShouldStartWith("sk_");
        created.Owner.Role.ShouldBe(UserRoles.Owner);
        var tenant = await Services.GetRequiredService<ITenantStore>().FindByIdentifierAsync("brand-c");
        var users = Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        (await users.FindByEmailAsync("owner@c.example"))!.TenantId.ShouldBe(tenant!.Id);
    }

    [Fact]
    public async Task CreateDialog_LeavesNoBrand_WhenOwnerEmailIsTaken()
    {
        await Data.UserAsync(BrandA, "taken@a.example", UserRoles.Owner);
        var (provider, _) = await ShowDialogAsync<CreateTenantDialog>();
        provider.Find("input[data-testid=tenant-slug]").Input("brand-d");
        provider.Find("input[data-testid=tenant-name]").Input("Brand D");
        provider.Find("input[data-testid=owner-email]").Input("taken@a.example");
        provider.Find("input[data-testid=owner-name]").Input("Dup");
        provider.Find("input[data-testid=owner-password]").Input("Passw0rd-123");

        await provider.Find("[data-testid=tenant-create]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find(".mud-dialog").TextContent.ShouldContain("already exists"));
        (await Services.GetRequiredService<ITenantStore>().FindByIdentifierAsync("brand-d")).ShouldBeNull();
    }
}
