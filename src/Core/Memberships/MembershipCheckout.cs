using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Stripe;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using global::Stripe;
using CheckoutSessionService = global::Stripe.Checkout.SessionService;
using CheckoutSessionCreateOptions = global::Stripe.Checkout.SessionCreateOptions;
using PortalSessionService = global::Stripe.BillingPortal.SessionService;
using PortalSessionCreateOptions = global::Stripe.BillingPortal.SessionCreateOptions;

namespace CommunitySaaS.Core.Memberships;

/// <summary>Sells a paid tier through Stripe Checkout, and opens Stripe's billing portal for a member's subscriptions.</summary>
public sealed class MembershipCheckout(AppDbContext db, ITenantContext tenant, StripeClients clients, TimeProvider time)
{
    public async Task<ServiceResult<CheckoutView>> CheckoutAsync(string externalId, StartCheckout body, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => new { m.Id, m.Email, m.Name }).FirstOrDefaultAsync(ct);
        if (member is null) return ServiceResult<CheckoutView>.NotFound($"No member with id '{externalId}'.");
        var period = body.Period!.Value;
        var paid = await db.Set<PaidTier>().AsNoTracking().FirstOrDefaultAsync(p => p.TierCode == body.TierCode, ct);
        if (paid is not { ForSale: true }) return ServiceResult<CheckoutView>.Invalid("tierCode", $"Tier '{body.TierCode}' is not for sale.");
        if (paid.PriceFor(period) is not { } priceId)
            return ServiceResult<CheckoutView>.Invalid("period", $"Tier '{body.TierCode}' has no {period.ToString().ToLowerInvariant()} price.");
        var now = time.GetUtcNow();
        if (await db.Set<Membership>().AnyAsync(m => m.MemberId == member.Id && m.TierCode == body.TierCode && m.GrantedUntil != null && m.GrantedUntil > now && m.RevokedAt == null, ct))
            return ServiceResult<CheckoutView>.Conflict($"Member '{externalId}' already has a membership of tier '{body.TierCode}'; use the billing portal to change it.");
        if (await clients.ForCurrentTenantAsync(ct) is not { } stripe) return NotSetUp<CheckoutView>();

        try
        {
            var customerId = await CustomerAsync(stripe, member.Id, member.Email, member.Name, ct);
            var metadata = new Dictionary<string, string> { [MembershipSync.MemberIdKey] = member.Id, [MembershipSync.TierCodeKey] = body.TierCode };
            var session = await new CheckoutSessionService(stripe).CreateAsync(new CheckoutSessionCreateOptions
            {
                Mode = "subscription",
                Customer = customerId,
                ClientReferenceId = member.Id,
                LineItems = [new() { Price = priceId, Quantity = 1 }],
                SuccessUrl = body.SuccessUrl,
                CancelUrl = body.CancelUrl,
                Metadata = metadata,
                SubscriptionData = new() { Metadata = metadata },
            }, cancellationToken: ct);
            return ServiceResult<CheckoutView>.Created(new CheckoutView(session.Id, session.Url, customerId));
        }
        catch (StripeException ex)
        {
            return ServiceResult<CheckoutView>.Conflict($"Stripe refused the checkout: {ex.StripeError?.Message ?? ex.Message}");
        }
    }

    public async Task<ServiceResult<PortalView>> PortalAsync(string externalId, StartPortal body, CancellationToken ct = default)
    {
        var memberId = await db.Members.AsNoTracking().Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
        if (memberId is null) return ServiceResult<PortalView>.NotFound($"No member with id '{externalId}'.");
        var customerId = await db.Set<StripeCustomer>().AsNoTracking().Where(c => c.MemberId == memberId).Select(c => c.CustomerId).FirstOrDefaultAsync(ct);
        if (customerId is null) return ServiceResult<PortalView>.Conflict($"Member '{externalId}' has never started a checkout: there is no billing to manage.");
        if (await clients.ForCurrentTenantAsync(ct) is not { } stripe) return NotSetUp<PortalView>();
        try
        {
            var session = await new PortalSessionService(stripe).CreateAsync(new PortalSessionCreateOptions { Customer = customerId, ReturnUrl = body.ReturnUrl }, cancellationToken: ct);
            return ServiceResult<PortalView>.Created(new PortalView(session.Url));
        }
        catch (StripeException ex)
        {
            return ServiceResult<PortalView>.Conflict($"Stripe refused the portal session: {ex.StripeError?.Message ?? ex.Message}");
        }
    }

    /// <summary>
    /// The member's one Stripe customer in this brand. Concurrent first checkouts ask Stripe with the same idempotency
    /// key (so Stripe creates one customer) and insert with "on conflict do nothing"; whoever lost reads the winner's row.
    /// </summary>
    private async Task<string> CustomerAsync(IStripeClient stripe, string memberId, string? email, string? name, CancellationToken ct)
    {
        var existing = await db.Set<StripeCustomer>().AsNoTracking().Where(c => c.MemberId == memberId).Select(c => c.CustomerId).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("A checkout needs a tenant in context.");
        var customer = await new CustomerService(stripe).CreateAsync(
            new CustomerCreateOptions { Email = email, Name = name, Metadata = new Dictionary<string, string> { [MembershipSync.MemberIdKey] = memberId } },
            new RequestOptions { IdempotencyKey = $"customer-{tenantId}-{memberId}" }, ct);
        await MembershipSql.InsertCustomerAsync(db, tenantId, memberId, customer.Id, time.GetUtcNow(), ct);
        return await db.Set<StripeCustomer>().AsNoTracking().Where(c => c.MemberId == memberId).Select(c => c.CustomerId).SingleAsync(ct);
    }

    private static ServiceResult<T> NotSetUp<T>() => ServiceResult<T>.Conflict("Stripe is not set up for this brand: PUT settings/stripe first.");
}
