using System.Net;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Points;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tiers;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CommunitySaaS.Api.Tests.Infrastructure.RuleSetRequests;

namespace CommunitySaaS.Api.Tests.Memberships;

/// <summary>Stripe hosts whose clock stands still until the test advances it (webhooks are signed at the fake now).</summary>
public sealed class StripeFakeClockSqliteHost() : TestHost(DatabaseProvider.Sqlite,
    new Dictionary<string, string?> { ["Stripe:ApiBase"] = FakeStripe.Shared.BaseUrl }, new FakeTimeProvider(FakeClock.Start));

public sealed class StripeFakeClockPostgresHost() : TestHost(DatabaseProvider.Postgres,
    new Dictionary<string, string?> { ["Stripe:ApiBase"] = FakeStripe.Shared.BaseUrl }, new FakeTimeProvider(FakeClock.Start));

/// <summary>
/// The two effects of a paid membership that reach past Stripe: a points rule rewarding <c>membership.paid</c> writes the
/// member's ledger entry, and the hourly expiry job ends a paid tier whose grant ran out without a webhook.
/// </summary>
public abstract class MembershipEffectsTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task PaidInvoice_EarnsThePointsOfTheMembershipPaidRule_WhenTheRuleSetRewardsIt()
    {
        var brand = await StripeBrand.CreateAsync(host);
        var tenant = brand.Tenant;
        await (await tenant.SavePolicy(new { expiryMode = "never", returnPolicy = "reverseWithinAvailable", pendingDelayDays = 0 })).ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.Publish("points", (await tenant.CreateDraft("points", Workflow(new
        {
            WorkflowName = "points",
            Rules = new[]
            {
                new
                {
                    RuleName = "BlackCardBonus", Expression = "activity.Properties[\"tier\"] == \"black\"",
                    Properties = new Dictionary<string, object> { ["event"] = "membership.paid" },
                    Actions = new { OnSuccess = new { Name = "OutputExpression", Context = new { Expression = "250" } } },
                },
            },
        }))).Number());
        await tenant.UpsertMember("payer");
        var customer = await brand.CheckoutAsync("payer");
        var now = host.Time().GetUtcNow();
        var subscription = $"sub_{Guid.NewGuid():N}";
        var invoice = $"in_{Guid.NewGuid():N}";
        FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "active", brand.MonthlyPrice, now, now.AddMonths(1)));
        using var client = host.CreateClient();

        await (await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.paid",
            StripeEvents.Invoice(invoice, subscription, customer, 1000, paid: true), now), signedAt: now)).ShouldHaveStatus(HttpStatusCode.OK);
        await host.DrainAsync(tenant.Id);

        var entry = (await tenant.EntriesOf("payer")).ShouldHaveSingleItem()!;
        // The invoice's own subscription already grants black, whose x1.3 multiplier applies last: 250 * 1.3.
        entry["points"]!.GetValue<long>().ShouldBe(325);
        entry["source"]!.GetValue<string>().ShouldBe("activity", StringCompareShould.IgnoreCase);
        entry["sourceId"]!.GetValue<string>().ShouldBe($"invoice:{invoice}");
        entry["rules"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["BlackCardBonus", "tier:black×1.3"]);
        (await tenant.Points("payer"))["lifetimeEarned"]!.GetValue<long>().ShouldBe(325);
        await host.AssertAccountsMatchLedgerAsync(tenant);
    }

    [Fact]
    public async Task ExpiryJob_EndsThePaidTier_WhenTheClockPassesPeriodEndPlusGrace()
    {
        var brand = await StripeBrand.CreateAsync(host);
        var tenant = brand.Tenant;
        await (await tenant.Client.PutAsync(tenant.Url("settings/memberships"), System.Net.Http.Json.JsonContent.Create(new { graceDays = 3, revokeOnRefund = false })))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await tenant.UpsertMember("lapsing");
        var customer = await brand.CheckoutAsync("lapsing");
        var now = host.Time().GetUtcNow();
        var subscription = $"sub_{Guid.NewGuid():N}";
        var periodEnd = now.AddDays(30);
        FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "active", brand.MonthlyPrice, now, periodEnd));
        using var client = host.CreateClient();
        await (await brand.SendAsync(client, StripeEvents.Event($"evt_{Guid.NewGuid():N}", "invoice.paid",
            StripeEvents.Invoice($"in_{Guid.NewGuid():N}", subscription, customer, 1000, paid: true), now), signedAt: now)).ShouldHaveStatus(HttpStatusCode.OK);
        await host.DrainAsync(tenant.Id);
        var memberId = await brand.MemberIdAsync(host, "lapsing");
        (await PaidCodeAsync(memberId)).ShouldBe("black");

        host.Time().Advance(periodEnd.AddDays(2) - now);
        await RunExpiryJobAsync();
        (await PaidCodeAsync(memberId)).ShouldBe("black");

        host.Time().Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await RunExpiryJobAsync();

        (await PaidCodeAsync(memberId)).ShouldBeNull();
        (await tenant.Tier("lapsing")).Code().ShouldBeNull();
        var change = (await host.QueryAsync(db => db.Set<MemberTierChange>().IgnoreQueryFilters()
            .Where(c => c.TenantId == tenant.Id && c.MemberId == memberId && c.Source == TierSources.Paid).OrderBy(c => c.Revision).ToListAsync())).Last();
        change.FromCode.ShouldBe("black");
        change.ToCode.ShouldBeNull();
        change.Reason.ShouldBe(TierChangeReason.Downgrade);
        change.Trigger.ShouldStartWith("job:membership-expiry:");
    }

    private Task<string?> PaidCodeAsync(string memberId) =>
        host.QueryAsync(db => db.Set<MemberTier>().IgnoreQueryFilters().Where(m => m.MemberId == memberId).Select(m => m.PaidCode).SingleAsync());

    private async Task RunExpiryJobAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunOnceAsync("membership-expiry", Guid.NewGuid().ToString("N"), CancellationToken.None);
        result.Outcome.ShouldBe(JobRunOutcome.Succeeded);
    }
}

public sealed class SqliteMembershipEffectsTests(StripeFakeClockSqliteHost host) : MembershipEffectsTests<StripeFakeClockSqliteHost>(host);

public sealed class PostgresMembershipEffectsTests(StripeFakeClockPostgresHost host) : MembershipEffectsTests<StripeFakeClockPostgresHost>(host);
