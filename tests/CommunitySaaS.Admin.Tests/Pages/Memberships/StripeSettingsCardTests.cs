using CommunitySaaS.Admin.Pages.Settings;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages.Memberships;

public sealed class StripeSettingsCardTests : ConsoleTestContext
{
    private MembershipSeed Memberships => new(Services);

    [Fact]
    public async Task Save_StoresKeysEncryptedAndShowsOnlyTheLast4_AndAuditsWithoutTheKeys()
    {
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("[data-testid=stripe-not-configured]");

        page.Find("input[data-testid=stripe-secret]").Input("sk_test_consolesecretK3y9");
        page.Find("input[data-testid=stripe-webhook-secret]").Input("whsec_consolesigningW7x2");
        page.Find("input[data-testid=stripe-publishable]").Input("pk_test_consolepublicP5q1");
        await page.Find("[data-testid=stripe-settings] form").SubmitAsync();

        page.WaitForAssertion(() => page.Find("[data-testid=stripe-secret-last4]").TextContent.ShouldContain("K3y9"));
        page.Find("[data-testid=stripe-webhook-last4]").TextContent.ShouldContain("W7x2");
        page.Find("[data-testid=stripe-publishable-last4]").TextContent.ShouldContain("P5q1");
        page.Markup.ShouldNotContain("consolesecret");
        page.Markup.ShouldNotContain("consolesigning");
        var db = Services.GetRequiredService<AppDbContext>();
        var stored = await db.Set<StripeSettings>().AsNoTracking().SingleAsync();
        stored.SecretKeyCipher.ShouldNotContain("consolesecret");
        Services.GetRequiredService<StripeSecrets>().Unprotect(stored.SecretKeyCipher).ShouldBe("sk_test_consolesecretK3y9");
        var audit = await db.Set<AuditEvent>().AsNoTracking().Where(e => e.Action == "stripe_settings.saved").ToListAsync();
        audit.ShouldHaveSingleItem().TenantId.ShouldBe(BrandA.Id);
        var changes = audit[0].Changes.ShouldNotBeNull();
        changes.ShouldNotContain("consolesecret");
        changes.ShouldNotContain("consolesigning");
    }

    [Fact]
    public async Task Save_ShowsFieldAndServiceErrors_AndStoresNothing_WhenKeysAreWrong()
    {
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("input[data-testid=stripe-secret]");

        page.Find("input[data-testid=stripe-secret]").Input("sk_nope_notakey");
        page.WaitForAssertion(() => page.Markup.ShouldContain("secretKey must be a Stripe secret or restricted key"));

        page.Find("input[data-testid=stripe-secret]").Input("sk_live_consolesecretK3y9");
        page.Find("input[data-testid=stripe-webhook-secret]").Input("whsec_consolesigningW7x2");
        page.Find("input[data-testid=stripe-publishable]").Input("pk_test_consolepublicP5q1");
        await page.Find("[data-testid=stripe-settings] form").SubmitAsync();

        page.WaitForAssertion(() => page.Markup.ShouldContain("must both be test keys or both live keys"));
        (await Services.GetRequiredService<AppDbContext>().Set<StripeSettings>().AnyAsync()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("sk_test_consolekey1234", "The key works (test mode).", "Worked")]
    [InlineData("sk_test_invalidkey1234", "Stripe refused the key", "Failed")]
    public async Task Check_SaysWhetherStripeAcceptsTheStoredKey(string secretKey, string message, string state)
    {
        await Memberships.StripeAsync(BrandA, secretKey);
        var page = RenderWithProviders<SettingsPage>();
        await page.WaitForElementAsync("[data-testid=stripe-check]");
        page.Find("[data-testid=stripe-check-state]").TextContent.ShouldBe("Not checked since saved");

        await page.Find("[data-testid=stripe-check]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=stripe-check-result]").TextContent.ShouldContain(message));
        page.Find("[data-testid=stripe-check-state]").TextContent.ShouldStartWith(state);
        (await Services.GetRequiredService<StripeSettingsService>().GetAsync()).CheckOk.ShouldBe(state == "Worked");
    }

    [Fact]
    public async Task Card_ShowsOnlyThisBrandsKeys()
    {
        await Memberships.StripeAsync(BrandB, "sk_test_otherbrandZZ99");

        var page = RenderWithProviders<SettingsPage>();

        await page.WaitForElementAsync("[data-testid=stripe-not-configured]");
        page.Markup.ShouldNotContain("ZZ99");
    }
}
