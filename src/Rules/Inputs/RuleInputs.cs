namespace CommunitySaaS.Rules;

/// <summary>
/// Everything one evaluation may look at. Inputs the event does not have stay null; a rule that reads
/// a missing input does not match and is reported in the evaluation's failures.
/// </summary>
/// <param name="Now">The evaluation's clock, named <c>now</c> in rules; kept in UTC.</param>
/// <param name="Order">The order (<c>order</c>), for order events and commission.</param>
/// <param name="Member">The member (<c>member</c>).</param>
/// <param name="Kos">The KOS the buyer is bound to: <c>kos</c> in level-1 commission and in points rules.</param>
/// <param name="Upline">That KOS's upline: <c>kos</c> in level-2 commission rules.</param>
/// <param name="Activity">The activity (<c>activity</c>), for activity events.</param>
/// <param name="Stats">The member's statistics (<c>stats</c>).</param>
public sealed record RuleInputs(
    DateTimeOffset Now,
    OrderInput? Order = null,
    MemberInput? Member = null,
    KosInput? Kos = null,
    KosInput? Upline = null,
    ActivityInput? Activity = null,
    StatsInput? Stats = null)
{
    /// <summary>The evaluation's clock in UTC.</summary>
    public DateTimeOffset Now { get; init; } = Now.ToUniversalTime();
}
