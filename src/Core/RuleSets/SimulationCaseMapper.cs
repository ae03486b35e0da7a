using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>Cases as a request gives them, into the library's inputs.</summary>
internal static class SimulationCaseMapper
{
    public static SimulationCase ToCase(SimulationCaseRequest request, DateTimeOffset now)
    {
        var at = request.Now ?? now;
        var order = request.Order is { } o
            ? new OrderInput(Guid.Empty, request.Name, o.Total, o.Currency,
                (o.Lines ?? []).Select(l => new OrderLineInput(l.Sku, l.Category, l.Quantity, l.UnitPrice, l.UnitPrice * l.Quantity)).ToList(),
                null, o.CommunityKind, o.PaidAt ?? at)
            : null;
        var member = request.Member is { } m
            ? new MemberInput(Guid.Empty, request.Name, m.Tier, m.Birthday, m.JoinedAt ?? at, m.Tags ?? [], [])
            : null;
        var activity = request.Activity is { } a
            ? new ActivityInput(a.Type, null, at, a.Properties ?? new Dictionary<string, string>())
            : null;
        var stats = request.Stats is { } s
            ? new StatsInput(s.Points12m, s.Spend12m, s.Orders12m, s.SigninStreakDays, s.GroupOrderMembers, s.Referrals12m)
            : null;
        var inputs = new RuleInputs(at, order, member, Kos(request.Kos, at), Kos(request.Upline, at), activity, stats);
        return new SimulationCase(request.Name, inputs, request.Event ?? activity?.Type ?? "order.paid");
    }

    private static KosInput? Kos(KosCase? kos, DateTimeOffset at) =>
        kos is null ? null : new KosInput(Guid.Empty, kos.Level, kos.Rank, null, at, kos.Sales12m);
}
