using CommunitySaaS.Core.Common;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>The one mapping from <see cref="RuleFacts"/> to the rules library's inputs, for the runtime and the simulator alike.</summary>
public static class RuleInputMapper
{
    public static RuleInputs ToInputs(RuleFacts facts, DateTimeOffset now) =>
        new(now, Order(facts.Order), Member(facts.Member), Kos(facts.Attribution?.Kos), Kos(facts.Attribution?.Upline), Activity(facts.Activity), Stats(facts.Stats));

    private static OrderInput? Order(OrderFacts? o) =>
        o is null
            ? null
            : new OrderInput(Id(o.OrderId), o.ExternalId, o.Total, o.Currency, o.Lines.Select(Line).ToList(), IdGuids.OfOptional(o.CommunityId), o.CommunityKind, o.PaidAt);

    // A unit price is not stored once amounts are in minor units; the line's paid amount per item is what a rule can rely on.
    private static OrderLineInput Line(OrderLineFacts l) =>
        new(l.Sku, l.Category, l.Quantity, l.Quantity == 0 ? 0m : l.PaidAmount / l.Quantity, l.PaidAmount);

    private static MemberInput? Member(MemberFacts? m) =>
        m is null ? null : new MemberInput(Id(m.MemberId), m.ExternalId, m.Tier, m.Birthday, m.JoinedAt, m.Tags, m.CommunityIds.Select(IdGuids.Of).ToList());

    private static KosInput? Kos(KosFacts? k) =>
        k is null ? null : new KosInput(Id(k.KosId), k.Level, k.Rank, IdGuids.OfOptional(k.CommunityId), k.ApprovedAt, k.Sales12m);

    private static ActivityInput? Activity(ActivityFacts? a) =>
        a is null ? null : new ActivityInput(a.Type, IdGuids.OfOptional(a.CommunityId), a.OccurredAt, a.Properties);

    private static StatsInput? Stats(StatsFacts? s) =>
        s is null ? null : new StatsInput(s.Points12m, s.Spend12m, s.Orders12m, s.SigninStreakDays, s.GroupOrderMembers, s.Referrals12m);

    /// <summary>Simulated cases have no stored ids: an empty id stays <see cref="Guid.Empty"/>.</summary>
    private static Guid Id(string id) => id.Length == 0 ? Guid.Empty : IdGuids.Of(id);
}
