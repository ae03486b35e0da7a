using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

public enum RuleSetStatus { Draft, Active, Archived }

/// <summary>
/// One version of a tenant's rule set of one kind. The workflow never changes once saved: publishing and
/// rolling back only move the status, so any point or commission can be explained by the version it names.
/// </summary>
[Auditable("rule_set_version", Created = "rule_set.draft_saved")]
public sealed class RuleSetVersion : ITenantOwned
{
    public string Id { get; init; } = Ids.New("rsv");
    public string TenantId { get; set; } = "";
    public RuleSetKind Kind { get; init; }
    public int Version { get; init; }
    public RuleSetStatus Status { get; set; }
    public required string WorkflowJson { get; init; }
    public string? Note { get; init; }
    /// <summary>The version this one copies, for a rollback.</summary>
    public int? BasedOnVersion { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public string? PublishNote { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
}
