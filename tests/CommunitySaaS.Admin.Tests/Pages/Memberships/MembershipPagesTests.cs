using CommunitySaaS.Admin.Pages.Members;
using CommunitySaaS.Admin.Pages.Memberships;
using CommunitySaaS.Admin.Pages.Tiers;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages.Memberships;

public sealed class MembershipPagesTests : ConsoleTestContext
{
    private static readonly DateTimeOffset PeriodEnd = new(2031, 4, 5, 6, 7, 0, TimeSpan.Zero);

    private MembershipSeed Memberships => new(Services);

    private LoyaltySeed Loyalty => new(Services);

    [Fact]
    public async Task PaidTiers_PutsATierOnSaleWithItsPrices_WhenOperator()
    {
        SignIn(UserRoles.Operator);
        await Loyalty.TierAsync(BrandA, "gold", "Gold", 1);
        await Loyalty.TierAsync(BrandA, "black", "Black", 2);
        await Loyalty.TierAsync(BrandB, "other", "Other brand tier", 1);
        var page = RenderWithProviders<TiersPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=paid-tier-row]").Count.ShouldBe(2));
        page.Find("[data-testid=paid-tier-table]").TextContent.ShouldNotContain("Other brand tier");

        await page.Find("[data-testid=paid-edit-black]").ClickAsync(new());
        page.Find("input[data-testid=paid-for-sale], [data-testid=paid-for-sale] input").Change(true);
        page.Find("input[data-testid=paid-monthly]").Input("price_blackMonthly");
        page.Find("input[data-testid=paid-yearly]").Input("price_blackYearly");
        await page.Find("[data-testid=paid-tier-form]").SubmitAsync();

        page.WaitForAssertion(() => page.FindAll("[data-testid=paid-tier-form]").ShouldBeEmpty());
        var black = (await Services.GetRequiredService<PaidTierService>().ListAsync()).Single(t => t.TierCode == "black");
        black.ForSale.ShouldBeTrue();
        black.MonthlyPriceId.ShouldBe("price_blackMonthly");
        black.YearlyPriceId.ShouldBe("price_blackYearly");
        page.Find("[data-testid=paid-tier-table]").TextContent.ShouldContain("price_blackYearly");
        (await Services.GetRequiredService<AppDbContext>().Set<AuditEvent>().AsNoTracking().CountAsync(e => e.TargetType == "paid_tier")).ShouldBe(1);
    }

    [Fact]
    public async Task PaidTiers_ShowsErrors_WhenOnSaleWithoutAPriceOrWithABadPriceId()
    {
        await Loyalty.TierAsync(BrandA, "black", "Black", 2);
        var page = RenderWithProviders<TiersPage>();
        await page.WaitForElementAsync("[data-testid=paid-edit-black]");
        await page.Find("[data-testid=paid-edit-black]").ClickAsync(new());

        page.Find("input[data-testid=paid-monthly]").Input("prod_notaprice");
        page.WaitForAssertion(() => page.Markup.ShouldContain("monthlyPriceId must be a Stripe price id"));
        page.Find("input[data-testid=paid-monthly]").Input("");
        page.Find("input[data-testid=paid-for-sale], [data-testid=paid-for-sale] input").Change(true);
        await page.Find("[data-testid=paid-tier-form]").SubmitAsync();

        page.WaitForAssertion(() => page.Markup.ShouldContain("A tier for sale needs a monthlyPriceId or a yearlyPriceId."));
        (await Services.GetRequiredService<PaidTierService>().ListAsync()).Single().ForSale.ShouldBeFalse();
    }

    [Fact]
    public async Task MembershipPolicy_SavesGraceAndRevokeOnRefund_AndRefusesGraceOutOfRange()
    {
        await Loyalty.TierAsync(BrandA, "black", "Black", 2);
        var page = RenderWithProviders<TiersPage>();
        await page.WaitForElementAsync("input[data-testid=membership-grace]");
        page.Find("input[data-testid=membership-grace]").GetAttribute("value").ShouldBe("7");

        page.Find("input[data-testid=membership-grace]").Input("120");
        await page.Find("[data-testid=membership-policy]").SubmitAsync();
        page.WaitForAssertion(() => page.Markup.ShouldContain("graceDays must be from 0 to 90."));
        (await Services.GetRequiredService<PaidTierService>().GetSettingsAsync()).GraceDays.ShouldBe(7);

        page.Find("input[data-testid=membership-grace]").Input("14");
        page.Find("input[data-testid=membership-revoke], [data-testid=membership-revoke] input").Change(true);
        await page.Find("[data-testid=membership-policy]").SubmitAsync();

        page.WaitForAssertion(async () =>
        {
            var settings = await Services.GetRequiredService<PaidTierService>().GetSettingsAsync();
            settings.GraceDays.ShouldBe(14);
            settings.RevokeOnRefund.ShouldBeTrue();
        });
    }

    [Fact]
    public async Task PaidTiers_HidesEditing_WhenFinance()
    {
        await Loyalty.TierAsync(BrandA, "black", "Black", 2);
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<TiersPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=paid-tier-row]").Count.ShouldBe(1));
        page.FindAll("[data-testid=paid-edit-black]").ShouldBeEmpty();
        page.FindAll("[data-testid=membership-policy-save]").ShouldBeEmpty();
    }

    [Fact]
    public async Task MembershipsPage_ListsThisBrandsSubscriptionsWithStatusAndPeriodEnd()
    {
        await Data.MembersAsync(BrandA, 2);
        await Data.MembersAsync(BrandB, 1, prefix: "b");
        var active = await Memberships.MembershipAsync(BrandA, "m001", "active", PeriodEnd);
        var canceled = await Memberships.MembershipAsync(BrandA, "m002", "canceled", PeriodEnd.AddMonths(-2), tier: "gold");
        var other = await Memberships.MembershipAsync(BrandB, "b001", "active", PeriodEnd);
        SignIn(UserRoles.Finance);

        var page = RenderWithProviders<MembershipsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=membership-row]").Count.ShouldBe(2));
        var rows = page.FindAll("[data-testid=membership-row]").Select(r => r.TextContent).ToList();
        var activeRow = rows.Single(r => r.Contains(active.SubscriptionId));
        activeRow.ShouldContain("m001");
        activeRow.ShouldContain("active");
        activeRow.ShouldContain("2031-04-05 06:07");
        var canceledRow = rows.Single(r => r.Contains(canceled.SubscriptionId));
        canceledRow.ShouldContain("canceled");
        canceledRow.ShouldContain("2031-02-05 06:07");
        canceledRow.ShouldContain("Not granting");
        page.Markup.ShouldNotContain(other.SubscriptionId);
    }

    [Fact]
    public async Task MemberDetail_ShowsTheMembersSubscription_OrSaysThereIsNone()
    {
        await Data.MembersAsync(BrandA, 2);
        var membership = await Memberships.MembershipAsync(BrandA, "m001", "past_due", PeriodEnd);

        var page = RenderWithProviders<MemberDetail>(p => p.Add(x => x.ExternalId, "m001"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=member-membership-row]").Count.ShouldBe(1));
        var row = page.Find("[data-testid=member-membership-row]").TextContent;
        row.ShouldContain(membership.SubscriptionId);
        row.ShouldContain("past_due");
        row.ShouldContain("2031-04-05 06:07");
        var none = Render<MemberDetail>(p => p.Add(x => x.ExternalId, "m002"));
        none.WaitForAssertion(() => none.Find("[data-testid=no-membership]").TextContent.ShouldBe("No paid membership."));
    }

    [Fact]
    public async Task EventsPage_ShowsReceivedProcessedAndFailedWithTheError()
    {
        await Memberships.StripeAsync(BrandA);
        await Memberships.StripeAsync(BrandB);
        var received = await Memberships.EventAsync(BrandA, "customer.subscription.updated");
        var processed = await Memberships.EventAsync(BrandA, "invoice.paid");
        var failed = await Memberships.EventAsync(BrandA, "checkout.session.completed");
        var other = await Memberships.EventAsync(BrandB, "invoice.paid");
        await Memberships.OutcomeAsync(processed, null);
        await Memberships.OutcomeAsync(failed, "Stripe said: No such subscription");
        SignIn(UserRoles.Operator);

        var page = RenderWithProviders<StripeEventsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=stripe-event-row]").Count.ShouldBe(3));
        string Row(string eventId) => page.FindAll("[data-testid=stripe-event-row]").Single(r => r.TextContent.Contains(eventId)).TextContent;
        Row(received.EventId).ShouldContain("Received");
        Row(processed.EventId).ShouldContain("Processed");
        Row(failed.EventId).ShouldContain("Failed");
        Row(failed.EventId).ShouldContain("Stripe said: No such subscription");
        page.Markup.ShouldNotContain(other.EventId);
        page.FindAll($"[data-testid=replay-{failed.EventId}]").Count.ShouldBe(1);
        page.FindAll($"[data-testid=replay-{processed.EventId}]").ShouldBeEmpty();
        page.FindAll($"[data-testid=replay-{received.EventId}]").ShouldBeEmpty();
    }

    [Fact]
    public async Task EventsPage_ReplaysAFailedEvent_WhenConfirmed()
    {
        await Memberships.StripeAsync(BrandA);
        var failed = await Memberships.EventAsync(BrandA, "invoice.paid");
        await Memberships.OutcomeAsync(failed, "boom");
        var page = RenderWithProviders<StripeEventsPage>();
        await page.WaitForElementAsync($"[data-testid=replay-{failed.EventId}]");

        var click = page.Find($"[data-testid=replay-{failed.EventId}]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.Find("[data-testid=confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.FindAll($"[data-testid=replay-{failed.EventId}]").ShouldBeEmpty());
        await using var scope = Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters().SingleAsync(m => m.Id == failed.OutboxEventId);
        message.DeadLetteredAt.ShouldBeNull();
        message.Attempts.ShouldBe(0);
    }

    [Theory]
    [InlineData(typeof(MembershipsPage), Security.ConsolePolicies.Read)]
    [InlineData(typeof(StripeEventsPage), Security.ConsolePolicies.Operate)]
    public void Pages_RequireTheirPolicy(Type page, string policy) =>
        page.GetCustomAttributes(typeof(AuthorizeAttribute), false).Cast<AuthorizeAttribute>().Single().Policy.ShouldBe(policy);
}
