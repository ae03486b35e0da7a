using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>Cases as a request gives them, into facts and then, through <see cref="RuleInputMapper"/>, the library's inputs.</summary>
internal static class SimulationCaseMapper
{
    public static SimulationCase ToCase(SimulationCaseRequest request, DateTimeOffset now)
    {
        var at = request.Now ?? now;
        var order = request.Order is { } o
            ? new OrderFacts("", request.Name, o.Total, o.Currency,
                (o.Lines ?? []).Select(l => new OrderLineFacts(l.Sku, l.Category, l.Quantity, l.UnitPrice * l.Quantity)).ToList(),
                null, o.CommunityKind, null, o.PaidAt ?? at)
            : null;
        var member = request.Member is { } m
            ? new MemberFacts("", request.Name, m.Tier, m.Birthday, m.JoinedAt ?? at, m.Tags ?? [], [])
            : null;
        var activity = request.Activity is { } a
            ? new ActivityFacts(a.Type, null, at, a.Properties ?? new Dictionary<string, string>())
            : null;
        var stats = request.Stats is { } s
            ? new StatsFacts(s.Points12m, s.Spend12m, s.Orders12m, s.SigninStreakDays, s.GroupOrderMembers, s.Referrals12m)
            : null;
        var attribution = request.Kos is null && request.Upline is null ? null : new AttributionFacts(Kos(request.Kos, at), Kos(request.Upline, at));
        var facts = new RuleFacts(order, member, attribution, activity, stats);
        return new SimulationCase(request.Name, RuleInputMapper.ToInputs(facts, at), request.Event ?? activity?.Type ?? "order.paid");
    }

    private static KosFacts? Kos(KosCase? kos, DateTimeOffset at) =>
        kos is null ? null : new KosFacts("", kos.Level, kos.Rank, null, at, kos.Sales12m);
}
