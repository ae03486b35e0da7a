using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Admin.Pages.RuleSets;

/// <summary>
/// The editable shape of one <see cref="SimulationCaseRequest"/>: the few inputs a brand admin usually
/// varies. Commission cases always have a level-1 KOS and a level-2 upline, so both levels show.
/// </summary>
public sealed class SimulationCaseForm
{
    public string Event { get; set; } = "order.paid";
    public decimal OrderTotal { get; set; } = 100m;
    public string Currency { get; set; } = "USD";
    public string? MemberTier { get; set; }
    public decimal Spend12m { get; set; } = 1000m;
    public int Orders12m { get; set; } = 5;
    public int SigninStreakDays { get; set; }
    public int GroupOrderMembers { get; set; }

    /// <summary>The points events a form can try; an event other than an order carries an activity instead.</summary>
    public static readonly IReadOnlyList<string> Events = ["order.paid", "checkin", "review", "referral", "signin"];

    public SimulationCaseRequest ToRequest(RuleSetKind kind)
    {
        var isOrder = kind != RuleSetKind.Points || Event == "order.paid";
        return new SimulationCaseRequest(
            "Your inputs",
            kind == RuleSetKind.Points ? Event : null,
            Order: isOrder ? new OrderCase(OrderTotal, Currency) : null,
            Member: new MemberCase(string.IsNullOrWhiteSpace(MemberTier) ? null : MemberTier.Trim()),
            Kos: kind == RuleSetKind.Commission ? new KosCase(1) : null,
            Upline: kind == RuleSetKind.Commission ? new KosCase(2) : null,
            Activity: isOrder ? null : new ActivityCase(Event),
            Stats: new StatsCase(Spend12m: Spend12m, Orders12m: Orders12m, SigninStreakDays: SigninStreakDays, GroupOrderMembers: GroupOrderMembers));
    }
}
