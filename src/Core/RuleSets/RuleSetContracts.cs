using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>A new draft: the RulesEngine workflow (an object with WorkflowName and Rules) and why it is written.</summary>
public sealed record CreateRuleSetDraft(
    [property: Required] JsonObject Workflow,
    [property: MaxLength(RuleSetLimits.MaxNoteLength)] string? Note = null);

/// <summary>A workflow to check without saving it.</summary>
public sealed record ValidateRuleSet([property: Required] JsonObject Workflow);

/// <summary>Why a version is published or rolled back to; kept with the version.</summary>
public sealed record ChangeRuleSetStatus([property: MaxLength(RuleSetLimits.MaxNoteLength)] string? Note = null);

public sealed record RuleSetVersionSummary(
    string Id, RuleSetKind Kind, int Version, RuleSetStatus Status, string? Note, int? BasedOnVersion,
    string CreatedBy, DateTimeOffset CreatedAt, string? PublishedBy, DateTimeOffset? PublishedAt, string? PublishNote, DateTimeOffset? ArchivedAt);

public sealed record RuleSetVersionView(
    string Id, RuleSetKind Kind, int Version, RuleSetStatus Status, string? Note, int? BasedOnVersion,
    string CreatedBy, DateTimeOffset CreatedAt, string? PublishedBy, DateTimeOffset? PublishedAt, string? PublishNote, DateTimeOffset? ArchivedAt,
    JsonNode Workflow);

public sealed record RuleSetValidationView(bool Valid, IReadOnlyList<RuleSetError> Errors);

public sealed record RuleSetVersionQuery(int Limit = Common.PageRequest.DefaultLimit, int? After = null);

/// <summary>How a workflow object is stored as text.</summary>
public static class WorkflowText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Stored indented, so the console's editor and a diff of two versions read well.</summary>
    public static string Of(JsonObject workflow) => workflow.ToJsonString(Indented);
}
