using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Api.Tests.Tiers;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Api.Tests.Memberships;

/// <summary>
/// A whole subscription life (checkout → paid → renewal → payment failed → grace → recovered → cancelled) delivered 20
/// times in shuffled orders with duplicates: each time the same end state, because the state is read from Stripe and
/// what only events know (paid invoices) is keyed by its natural id.
/// </summary>
public abstract class LifecycleScenarioTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    private sealed record EndState(string Status, bool Granting, string? Tier, int Payments, int PaidEvents, int Inbox);

    [Fact]
    public async Task Lifecycle_EndsInTheSameState_WhateverTheOrderAndDuplicates()
    {
        var brand = await StripeBrand.CreateAsync(host);
        using var client = host.CreateClient();
        var ends = new List<EndState>();
        for (var round = 0; round < 20; round++)
        {
            var member = $"life-{round}";
            await brand.Tenant.UpsertMember(member);
            var customer = await brand.CheckoutAsync(member);
            var subscription = $"sub_{Guid.NewGuid():N}";
            var now = DateTimeOffset.UtcNow;
            var events = Lifecycle(brand, subscription, customer, await brand.MemberIdAsync(host, member), now);
            // Stripe's state once the life is over: what every event's processing reads, whenever it runs.
            FakeStripe.Shared.SetSubscription(FakeStripe.Subscription(subscription, customer, "canceled", brand.MonthlyPrice, now.AddMonths(-1), now));
            var random = new Random(round);
            var deliveries = events.Concat(events.Where(_ => random.NextDouble() < 0.3)).OrderBy(_ => random.Next()).ToList();

            foreach (var body in deliveries) (await brand.SendAsync(client, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await host.DrainAsync(brand.Tenant.Id);

            var membership = (await brand.MembershipsAsync(member)).Single()!;
            var memberId = await brand.MemberIdAsync(host, member);
            var paidEvents = (await host.EventsAsync(brand.Tenant.Id, MembershipPaid.TypeName)).Count(e => e.AggregateId == memberId);
            var payments = await host.QueryAsync(db => db.Set<MembershipPayment>().IgnoreQueryFilters().CountAsync(p => p.TenantId == brand.Tenant.Id && p.SubscriptionId == subscription));
            var inbox = await host.QueryAsync(db => db.Set<StripeWebhookEvent>().IgnoreQueryFilters().CountAsync(e => e.TenantId == brand.Tenant.Id && e.RawBody.Contains(subscription)));
            ends.Add(new EndState(membership["status"]!.GetValue<string>(), membership["granting"]!.GetValue<bool>(), (await brand.Tenant.Tier(member)).Code(), payments, paidEvents, inbox));
        }

        ends.ShouldAllBe(e => e == new EndState("canceled", false, null, 3, 3, 10));
    }

    private static List<string> Lifecycle(StripeBrand brand, string subscription, string customer, string memberId, DateTimeOffset now)
    {
        string Id() => $"evt_{Guid.NewGuid():N}";
        var sub = FakeStripe.Subscription(subscription, customer, "active", brand.MonthlyPrice, now.AddMonths(-2), now.AddMonths(-1));
        return
        [
            StripeEvents.Event(Id(), "checkout.session.completed", StripeEvents.CheckoutSession(subscription, customer, memberId), now),
            StripeEvents.Event(Id(), "customer.subscription.created", sub.DeepClone().AsObject(), now),
            StripeEvents.Event(Id(), "invoice.paid", StripeEvents.Invoice($"in_1{subscription}", subscription, customer, 1000, true), now),
            StripeEvents.Event(Id(), "customer.subscription.updated", sub.DeepClone().AsObject(), now),
            StripeEvents.Event(Id(), "invoice.paid", StripeEvents.Invoice($"in_2{subscription}", subscription, customer, 1000, true), now),
            StripeEvents.Event(Id(), "invoice.payment_failed", StripeEvents.Invoice($"in_3{subscription}", subscription, customer, 1000, false), now),
            StripeEvents.Event(Id(), "customer.subscription.updated", FakeStripe.Subscription(subscription, customer, "past_due", brand.MonthlyPrice, now.AddDays(-3), now.AddMonths(1)), now),
            StripeEvents.Event(Id(), "invoice.paid", StripeEvents.Invoice($"in_3{subscription}", subscription, customer, 1000, true), now),
            StripeEvents.Event(Id(), "customer.subscription.updated", sub.DeepClone().AsObject(), now),
            StripeEvents.Event(Id(), "customer.subscription.deleted", FakeStripe.Subscription(subscription, customer, "canceled", brand.MonthlyPrice, now.AddMonths(-1), now), now),
        ];
    }
}

public sealed class SqliteLifecycleScenarioTests(StripeSqliteHost host) : LifecycleScenarioTests<StripeSqliteHost>(host);

public sealed class PostgresLifecycleScenarioTests(StripePostgresHost host) : LifecycleScenarioTests<StripePostgresHost>(host);
