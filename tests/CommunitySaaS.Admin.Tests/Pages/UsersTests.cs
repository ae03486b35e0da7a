using CommunitySaaS.Admin.Pages.Users;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class UsersTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ListsOnlyThisBrandsUsers_WhenOwner()
    {
        await Data.UserAsync(BrandA, "ann@a.example", UserRoles.Operator);
        await Data.UserAsync(BrandB, "bob@b.example", UserRoles.Owner);

        var page = RenderWithProviders<UsersPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=users-table] tbody").TextContent.ShouldContain("ann@a.example"));
        page.Markup.ShouldNotContain("bob@b.example");
    }

    [Fact]
    public async Task Lock_LocksUser_WhenOwnerConfirms()
    {
        var ann = await Data.UserAsync(BrandA, "ann@a.example", UserRoles.Operator);
        var page = RenderWithProviders<UsersPage>();
        await page.WaitForElementAsync("[data-testid='lock-ann@a.example']");

        var click = page.Find("[data-testid='lock-ann@a.example']").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.Find("[data-testid=confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.Find("[data-testid='lock-ann@a.example']").TextContent.ShouldBe("Unlock"));
        var users = Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        (await users.IsLockedOutAsync((await users.FindByIdAsync(ann.Id))!)).ShouldBeTrue();
    }

    [Fact]
    public async Task ChangeRole_RefusesUserOfAnotherBrand_WhenCalledDirectly()
    {
        var bob = await Data.UserAsync(BrandB, "bob@b.example", UserRoles.Owner);

        var result = await Services.GetRequiredService<UserService>().ChangeRoleAsync(bob.Id, new ChangeUserRole(UserRoles.Finance));

        result.Status.ShouldBe(CommunitySaaS.Core.Common.ServiceStatus.NotFound);
    }

    [Fact]
    public async Task ChangeRole_RefusesLastOwner_WhenDemoted()
    {
        var only = await Data.UserAsync(BrandA, "only@a.example", UserRoles.Owner);

        var result = await Services.GetRequiredService<UserService>().ChangeRoleAsync(only.Id, new ChangeUserRole(UserRoles.Operator));

        result.Status.ShouldBe(CommunitySaaS.Core.Common.ServiceStatus.Conflict);
    }

    [Fact]
    public async Task CreateDialog_ShowsPasswordRule_WhenPasswordIsShort()
    {
        var (provider, _) = await ShowDialogAsync<CreateUserDialog>();

        provider.Find("input[data-testid=user-password]").Input("short");

        provider.WaitForAssertion(() => provider.Find(".mud-dialog").TextContent.ShouldContain(UserPasswords.Rule));
    }

    [Fact]
    public async Task CreateDialog_ShowsIdentityError_WhenPasswordLacksDigit()
    {
        var (provider, _) = await ShowDialogAsync<CreateUserDialog>();
        provider.Find("input[data-testid=user-email]").Input("new@a.example");
        provider.Find("input[data-testid=user-name]").Input("New Person");
        provider.Find("input[data-testid=user-password]").Input("NoDigitsHereAtAll");

        await provider.Find("[data-testid=user-create]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find(".mud-dialog").TextContent.ShouldContain("digit"));
    }

    [Fact]
    public async Task CreateDialog_CreatesUserInThisBrand_WhenValid()
    {
        var (provider, reference) = await ShowDialogAsync<CreateUserDialog>();
        provider.Find("input[data-testid=user-email]").Input("New@A.example");
        provider.Find("input[data-testid=user-name]").Input("New Person");
        provider.Find("input[data-testid=user-password]").Input("Passw0rd-123");

        await provider.Find("[data-testid=user-create]").ClickAsync(new());

        var created = (await reference.Result)!.Data.ShouldBeOfType<UserView>();
        created.Email.ShouldBe("new@a.example");
        created.Role.ShouldBe(UserRoles.Operator);
        var users = Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        (await users.FindByEmailAsync("new@a.example"))!.TenantId.ShouldBe(BrandA.Id);
    }
}
