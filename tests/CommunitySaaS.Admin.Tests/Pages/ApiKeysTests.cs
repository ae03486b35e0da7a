using CommunitySaaS.Admin.Pages.ApiKeys;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class ApiKeysTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ListsOnlyThisBrandsKeys_WhenOwner()
    {
        await Data.KeyAsync(BrandB, "B storefront");

        var page = RenderWithProviders<ApiKeysPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=key-row]").Count.ShouldBe(1));
        page.Markup.ShouldContain("Default secret key");
        page.Markup.ShouldNotContain("B storefront");
    }

    [Fact]
    public async Task Revoke_RevokesKey_WhenOwnerConfirms()
    {
        var key = await Data.KeyAsync(BrandA, "Old storefront");
        var page = RenderWithProviders<ApiKeysPage>();
        await page.WaitForElementAsync($"[data-testid=revoke-{key.ApiKey.Id}]");

        // The click's handler waits for the confirmation, so answer the dialog before awaiting it.
        var click = page.Find($"[data-testid=revoke-{key.ApiKey.Id}]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.Find("[data-testid=confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.FindAll($"[data-testid=revoke-{key.ApiKey.Id}]").ShouldBeEmpty());
        (await Services.GetRequiredService<ApiKeyService>().AuthenticateAsync(key.Secret)).ShouldBeNull();
    }

    [Fact]
    public async Task Revoke_KeepsKey_WhenOwnerCancels()
    {
        var key = await Data.KeyAsync(BrandA, "Keep me");
        var page = RenderWithProviders<ApiKeysPage>();
        await page.WaitForElementAsync($"[data-testid=revoke-{key.ApiKey.Id}]");

        var click = page.Find($"[data-testid=revoke-{key.ApiKey.Id}]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.FindAll("button").First(b => b.TextContent.Contains("Cancel", StringComparison.Ordinal)).ClickAsync(new());
        await click;

        (await Services.GetRequiredService<ApiKeyService>().AuthenticateAsync(key.Secret)).ShouldNotBeNull();
    }

    [Fact]
    public async Task CreateDialog_RequiresName_WhenSubmittedEmpty()
    {
        var (provider, _) = await ShowDialogAsync<CreateApiKeyDialog>();

        await provider.Find("[data-testid=key-create]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find(".mud-dialog").TextContent.ShouldContain("The Name field is required."));
    }

    [Fact]
    public async Task CreateDialog_CreatesPublishableKey_WhenChosen()
    {
        var (provider, reference) = await ShowDialogAsync<CreateApiKeyDialog>();
        provider.Find("input[data-testid=key-name]").Input("Widget");
        await provider.FindAll("input[type=radio]")[1].ClickAsync(new());

        await provider.Find("[data-testid=key-create]").ClickAsync(new());

        var created = (await reference.Result)!.Data.ShouldBeOfType<CreatedApiKey>();
        created.ApiKey.Kind.ShouldBe(ApiKeyKind.Publishable);
        created.Secret.ShouldStartWith("pk_");
    }

    [Fact]
    public async Task SecretDialog_ShowsSecretOnce_WhenOpened()
    {
        var (provider, _) = await ShowDialogAsync(new DialogParameters<SecretDialog> { { d => d.Secret, "sk_test_123" } });

        provider.Find("[data-testid=secret]").TextContent.ShouldBe("sk_test_123");
        provider.Markup.ShouldContain("will not be shown again");
    }

    [Fact]
    public async Task Page_DeniesOperator_WhenPolicyIsChecked()
    {
        SignIn(UserRoles.Operator);

        (await Services.GetRequiredService<Security.ConsoleAccess>().AllowsAsync(Security.ConsolePolicies.Owner)).ShouldBeFalse();
        typeof(ApiKeysPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Single().Policy.ShouldBe(Security.ConsolePolicies.Owner);
    }

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Reference)> ShowDialogAsync(DialogParameters<SecretDialog> parameters) =>
        ShowDialogAsync<SecretDialog>(parameters);
}
