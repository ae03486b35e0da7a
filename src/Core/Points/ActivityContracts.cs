using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Points;

/// <summary>
/// Something a member did that points rules may reward: <c>signin</c>, <c>checkin</c>, <c>review</c>, <c>referral</c>
/// (with <c>properties.referredExternalId</c>), <c>event</c>, or the brand's own <c>custom.name</c>.
/// </summary>
public sealed record RecordActivity(
    [property: Required, ExternalId] string ActivityId,
    [property: Required, RegularExpression(ActivityTypes.Pattern, ErrorMessage = ActivityTypes.Message)] string Type,
    [property: Required] DateTimeOffset? OccurredAt,
    [property: MaxLength(Ids.MaxLength)] string? CommunityId = null,
    IReadOnlyDictionary<string, string>? Properties = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Properties is null) yield break;
        if (Properties.Count > ActivityTypes.MaxProperties) yield return new ValidationResult($"properties has at most {ActivityTypes.MaxProperties} entries.", [nameof(Properties)]);
        foreach (var (key, value) in Properties)
        {
            if (key.Length is 0 or > 50 || PlainText.HasForbiddenCharacters(key))
                yield return new ValidationResult("Each properties key is 1 to 50 plain characters.", [nameof(Properties)]);
            else if (value is null || value.Length > 500 || PlainText.HasForbiddenCharacters(value))
                yield return new ValidationResult($"properties.{key} is text of at most 500 plain characters.", [nameof(Properties)]);
        }
    }
}

public static class ActivityTypes
{
    public const string Pattern = "^(signin|checkin|review|referral|event|custom\\.[a-z0-9][a-z0-9_-]{0,49})$";
    public const string Message = "type must be signin, checkin, review, referral, event or custom.<name> (lower case letters, digits, _ and -).";
    public const string Referral = "referral";
    public const string ReferredKey = "referredExternalId";
    public const int MaxProperties = 20;
}

public sealed record LimitedRule(string Rule, int Limit, string Per);

public sealed record ActivityView(
    string ActivityId, string Type, string MemberExternalId, DateTimeOffset OccurredAt, long Points, IReadOnlyList<LimitedRule> Limited,
    IReadOnlyList<PointsEntryView> Entries, string? ReferredExternalId, long ReferredPoints);
