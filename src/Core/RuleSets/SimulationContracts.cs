using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// What to simulate: a saved draft (<see cref="Version"/>) or an unsaved <see cref="Workflow"/>, against the
/// given <see cref="Cases"/> or the tenant's <see cref="LastOrders"/> most recent orders, next to the active version.
/// </summary>
public sealed record SimulateRuleSet(
    [property: Range(1, 1_000_000)] int? Version = null,
    JsonObject? Workflow = null,
    [property: MaxLength(RuleSetLimits.MaxCases)] IReadOnlyList<SimulationCaseRequest>? Cases = null,
    [property: Range(1, RuleSetLimits.MaxLastOrders)] int? LastOrders = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Version is null) == (Workflow is null))
        {
            yield return new ValidationResult("Give either the version of a saved draft or a workflow, not both and not neither.", [nameof(Version), nameof(Workflow)]);
        }
        if ((Cases is null or { Count: 0 }) == (LastOrders is null))
        {
            yield return new ValidationResult("Give either cases or lastOrders, not both and not neither.", [nameof(Cases), nameof(LastOrders)]);
        }
    }
}

/// <summary>One set of inputs; absent inputs are null in the rules, as for an event that does not have them.</summary>
public sealed record SimulationCaseRequest(
    [property: Required, MinLength(1), MaxLength(100)] string Name,
    [property: MaxLength(40)] string? Event = null,
    DateTimeOffset? Now = null,
    OrderCase? Order = null,
    MemberCase? Member = null,
    KosCase? Kos = null,
    KosCase? Upline = null,
    ActivityCase? Activity = null,
    StatsCase? Stats = null);

public sealed record OrderCase(
    [property: Money] decimal Total,
    [property: Required, CurrencyCode] string Currency,
    [property: MaxLength(100)] IReadOnlyList<OrderLineCase>? Lines = null,
    [property: MaxLength(16)] string? CommunityKind = null,
    DateTimeOffset? PaidAt = null);

public sealed record OrderLineCase(
    [property: Required, MinLength(1), MaxLength(100)] string Sku,
    [property: MaxLength(100)] string? Category,
    [property: Range(1, 100_000)] int Quantity,
    [property: Money] decimal UnitPrice);

public sealed record MemberCase(
    [property: MaxLength(50)] string? Tier = null,
    DateOnly? Birthday = null,
    DateTimeOffset? JoinedAt = null,
    [property: Tags] IReadOnlyList<string>? Tags = null);

public sealed record KosCase(
    [property: Range(1, 100)] int Level = 1,
    [property: MaxLength(50)] string? Rank = null,
    [property: Money] decimal Sales12m = 0);

public sealed record ActivityCase(
    [property: Required, MinLength(1), MaxLength(40)] string Type,
    [property: MaxLength(20)] IReadOnlyDictionary<string, string>? Properties = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Properties?.Any(p => p.Key.Length is 0 or > 50 || p.Value is null || p.Value.Length > 200) == true)
        {
            yield return new ValidationResult("Each property has a name of 1-50 characters and a text value of at most 200.", [nameof(Properties)]);
        }
    }
}

public sealed record StatsCase(
    [property: Range(0, 1_000_000_000)] long Points12m = 0,
    [property: Money] decimal Spend12m = 0,
    [property: Range(0, 1_000_000)] int Orders12m = 0,
    [property: Range(0, 36_500)] int SigninStreakDays = 0,
    [property: Range(0, 1_000_000)] int GroupOrderMembers = 0,
    [property: Range(0, 1_000_000)] int Referrals12m = 0);
