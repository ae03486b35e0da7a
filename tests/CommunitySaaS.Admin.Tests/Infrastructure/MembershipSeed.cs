using System.Text.Json.Nodes;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Stripe;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Infrastructure;

/// <summary>Paid membership test data: keys and webhooks through the real Core services; subscriptions as the sync stores them.</summary>
public sealed class MembershipSeed(IServiceProvider services)
{
    public const string WebhookSecret = "whsec_consoletestsecret";

    public async Task StripeAsync(TenantInfo tenant, string secretKey = "sk_test_consolekey1234")
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var saved = await scope.ServiceProvider.GetRequiredService<StripeSettingsService>().PutAsync(new PutStripeSettings(secretKey, WebhookSecret, "pk_test_consolepub9876"));
        saved.Succeeded.ShouldBeTrue(saved.Message);
    }

    /// <summary>A subscription row as the sync leaves it after reading Stripe, for the member with this external id.</summary>
    public async Task<Membership> MembershipAsync(TenantInfo tenant, string externalId, string status, DateTimeOffset periodEnd, string tier = "black")
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var memberId = await db.Members.Where(m => m.ExternalId == externalId).Select(m => m.Id).SingleAsync();
        var granted = status is "active" or "past_due";
        var membership = new Membership
        {
            SubscriptionId = $"sub_{Guid.NewGuid():N}", MemberId = memberId, CustomerId = "cus_console", TierCode = tier, PriceId = "price_monthly",
            Period = BillingPeriod.Monthly, Status = status, CurrentPeriodStart = periodEnd.AddMonths(-1), CurrentPeriodEnd = periodEnd,
            GrantedUntil = granted ? periodEnd : null, CreatedAt = periodEnd.AddMonths(-1), SyncedAt = DateTimeOffset.UtcNow,
        };
        db.Add(membership);
        await db.SaveChangesAsync();
        return membership;
    }

    /// <summary>Delivers a signed Stripe event to the brand's webhook inbox; answers the stored row's outbox message id.</summary>
    public async Task<StripeWebhookEvent> EventAsync(TenantInfo tenant, string type)
    {
        await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var now = DateTimeOffset.UtcNow;
        var eventId = $"evt_{Guid.NewGuid():N}";
        var body = StripeEvents.Event(eventId, type, new JsonObject { ["id"] = $"cus_{Guid.NewGuid():N}"[..18], ["object"] = "customer" }, now);
        var received = await scope.ServiceProvider.GetRequiredService<StripeWebhookInbox>().ReceiveAsync(body, StripeEvents.Sign(body, WebhookSecret, now), CancellationToken.None);
        received.Receipt.ShouldBe(WebhookReceipt.Accepted, received.Problem);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StripeWebhookEvent>().AsNoTracking().SingleAsync(e => e.EventId == eventId);
    }

    /// <summary>Leaves the event's processing as the dispatcher would: handled, or failed for good with this error.</summary>
    public async Task OutcomeAsync(StripeWebhookEvent stored, string? deadLetterError)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters().Where(m => m.Id == stored.OutboxEventId);
        var updated = deadLetterError is null
            ? await outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, DateTimeOffset.UtcNow).SetProperty(m => m.Attempts, 1))
            : await outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadLetteredAt, DateTimeOffset.UtcNow).SetProperty(m => m.Attempts, 10).SetProperty(m => m.LastError, deadLetterError));
        updated.ShouldBe(1);
    }
}
