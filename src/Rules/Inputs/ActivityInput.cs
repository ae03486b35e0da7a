namespace CommunitySaaS.Rules;

/// <summary>A member's activity, named <c>activity</c> in rule expressions.</summary>
/// <param name="Type">The event, e.g. <c>checkin</c>, <c>review</c>, <c>referral</c>, <c>signin</c>.</param>
/// <param name="CommunityId">The community it happened in, if any.</param>
/// <param name="OccurredAt">When it happened (UTC).</param>
/// <param name="Properties">Event details as text, e.g. <c>activity.Properties["stars"]</c> for a review.</param>
public sealed record ActivityInput(
    string Type,
    Guid? CommunityId,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string> Properties);
