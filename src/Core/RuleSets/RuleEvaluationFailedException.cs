using CommunitySaaS.Core.Events;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// A rule set evaluation that cannot be trusted with money: a rule threw, ran out of its budget, gave an output
/// out of range, the sum overflowed, the version no longer compiles, or no version was active at the event's time.
/// Thrown by <see cref="IRuleSetRuntime"/> instead of a zero or a clamped number, so the caller records nothing and
/// the event is dead-lettered at once (see <see cref="IPermanentEventFailure"/>). It names the version and each failing rule with its message.
/// </summary>
public sealed class RuleEvaluationFailedException : Exception, IPermanentEventFailure
{
    public RuleEvaluationFailedException(RuleSetKind kind, string? versionId, int? version, string reason, IReadOnlyList<RuleFailure> failures, Exception? inner = null)
        : base(Describe(kind, version, reason, failures), inner)
    {
        Kind = kind;
        VersionId = versionId;
        Version = version;
        Reason = reason;
        Failures = failures;
    }

    public RuleSetKind Kind { get; }

    /// <summary>The <c>rsv_…</c> id of the version evaluated, or null when none was active at the time.</summary>
    public string? VersionId { get; }

    public int? Version { get; }

    public string Reason { get; }

    /// <summary>The rules that failed, by name, with what went wrong: what an operator reads on the dead letter.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; }

    private static string Describe(RuleSetKind kind, int? version, string reason, IReadOnlyList<RuleFailure> failures)
    {
        var which = version is { } v ? $"version {v}" : "(no version)";
        var rules = failures.Count == 0 ? "" : " " + string.Join("; ", failures.Select(f => $"Rule '{f.RuleName}': {f.Message}"));
        return $"The {RuleSetKinds.Name(kind)} rule set {which} could not be evaluated: {reason}.{rules}";
    }
}
