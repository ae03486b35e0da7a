using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Memberships;

/// <summary>
/// Points for a paid membership invoice: the points rules' <c>membership.paid</c> rules, evaluated like an activity
/// (with the tier, period and amount as properties), once per invoice.
/// </summary>
internal sealed class MembershipPaidPoints(
    AppDbContext db, IRuleSetRuntime rules, IMemberTierReader tiers, PointsLedger ledger, LoyaltyPolicies policies, ITenantContext tenant)
    : IDomainEventHandler<MembershipPaid>
{
    public const string Actor = "event:membership.paid";

    public async Task HandleAsync(MembershipPaid paid, CancellationToken ct)
    {
        var sourceId = $"invoice:{paid.InvoiceId}";
        if (await db.PointsEntries.AnyAsync(e => e.Source == PointsSource.Activity && e.SourceId == sourceId, ct)) return;
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == paid.MemberId, ct);
        if (member is null) return;
        var policy = await policies.GetAsync(ct);
        var zone = tenant.Zone;
        var properties = new Dictionary<string, string>
        {
            ["tier"] = paid.TierCode ?? "", ["period"] = paid.Period ?? "", ["currency"] = paid.Currency,
            ["amountMinor"] = paid.AmountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var activity = new RecordActivity(sourceId, MembershipPaid.TypeName, paid.PaidAt, null, properties);
        var earning = new ActivityEarning(db, rules, tiers, ledger, policy, zone, activity, paid.PaidAt, Actor);
        var plan = await earning.PlanForAsync(member, role: null, ct);
        await earning.WriteAsync(member, plan, ct);
    }
}
