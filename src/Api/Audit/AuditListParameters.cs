using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Audit;

public sealed class AuditListParameters : PageParameters
{
    /// <summary>The query parameters this list knows; any other is refused rather than silently ignored.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "limit", "after", "actor", "action", "target", "from", "to" };

    [StringLength(AuditLimits.ActorName, ErrorMessage = "actor is an actor id (key_…, a user id, job:…) or a user's email, of at most 256 characters.")]
    [Description("Only changes by this actor: an API key id (key_…), a console user's id or email, or job:<id>.")]
    [FromQuery(Name = "actor")]
    public string? Actor { get; init; }

    [StringLength(AuditLimits.Action, ErrorMessage = "action is an action such as api_key.revoked, or a target type such as api_key, of at most 80 characters.")]
    [RegularExpression("^[a-z_]+(\\.[a-z_]+)?$", ErrorMessage = "action is an action such as api_key.revoked, or a target type such as api_key (lower case letters, _ and one dot).")]
    [Description("Only this action (api_key.revoked), or every action on a target type (api_key).")]
    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    [StringLength(AuditLimits.TargetId, ErrorMessage = "target is a target id (key_…, rsv_…) or a target type (api_key), of at most 200 characters.")]
    [Description("Only changes to this target id (key_…, rsv_…), or to every target of this type (api_key).")]
    [FromQuery(Name = "target")]
    public string? Target { get; init; }

    [Description("Only changes at or after this instant (ISO 8601, e.g. 2026-01-31T00:00:00Z).")]
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    [Description("Only changes before this instant (ISO 8601).")]
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    public AuditQuery ToQuery() => new(Actor, Action, Target, From, To);
}
