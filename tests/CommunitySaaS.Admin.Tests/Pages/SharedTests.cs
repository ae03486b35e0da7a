using CommunitySaaS.Admin.Layout;
using CommunitySaaS.Admin.Shared;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Users;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class SharedTests : ConsoleTestContext
{
    [Theory]
    [InlineData(UserRoles.Owner, true, true, false)]
    [InlineData(UserRoles.Operator, true, false, false)]
    [InlineData(UserRoles.Finance, true, false, false)]
    [InlineData(UserRoles.Platform, false, false, true)]
    public void NavMenu_ShowsOnlyAllowedLinks_WhenRoleSignsIn(string role, bool brandPages, bool ownerPages, bool platformPages)
    {
        SignIn(role);

        var nav = Render<NavMenu>();

        nav.FindAll("a[href='admin/members']").Count.ShouldBe(brandPages ? 1 : 0);
        nav.FindAll("a[href='admin/api-keys']").Count.ShouldBe(ownerPages ? 1 : 0);
        nav.FindAll("a[href='admin/users']").Count.ShouldBe(ownerPages ? 1 : 0);
        nav.FindAll("a[href='admin/platform/tenants']").Count.ShouldBe(platformPages ? 1 : 0);
    }

    [Fact]
    public void MainLayout_ShowsBrandNameAndRole_WhenSignedIn()
    {
        SignIn(UserRoles.Operator);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

        var layout = Render<MainLayout>();

        layout.Find("[data-interactive=true]").ShouldNotBeNull();
        layout.Find("[data-testid=brand-name]").TextContent.ShouldBe("Brand A");
        layout.Find("[data-testid=user-role]").TextContent.ShouldBe("Operator");
    }

    [Fact]
    public async Task ConfirmDialog_ReturnsTrue_WhenConfirmed()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetService<IDialogService>();
        Task<bool> answer = Task.FromResult(false);
        await provider.InvokeAsync(() => { answer = ConfirmDialog.AskAsync(dialogs!, "Delete", "Really?", "Delete"); });

        provider.Find(".mud-dialog").TextContent.ShouldContain("Really?");
        await provider.Find("[data-testid=confirm]").ClickAsync(new());

        (await answer).ShouldBeTrue();
    }
}
