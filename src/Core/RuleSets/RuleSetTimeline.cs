namespace CommunitySaaS.Core.RuleSets;

/// <summary>One published version's time in force: from <see cref="PublishedAt"/> until <see cref="ArchivedAt"/> (open while active).</summary>
public sealed record RuleSetTimelineEntry(string VersionId, int Version, DateTimeOffset PublishedAt, DateTimeOffset? ArchivedAt);

/// <summary>
/// Every published version of one tenant's kind with the times it was in force, so "which version was active at t"
/// is a walk over a handful of entries in memory, not a query per evaluation.
/// </summary>
public sealed class RuleSetTimeline(IReadOnlyList<RuleSetTimelineEntry> entries, DateTimeOffset loadedAt)
{
    private readonly RuleSetTimelineEntry[] _newestFirst =
        entries.OrderByDescending(e => e.PublishedAt).ThenByDescending(e => e.Version).ToArray();

    /// <summary>When it was read from the database (taken before the query ran).</summary>
    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>
    /// The version in force at <paramref name="at"/>. A publish archives the previous version at the instant the new
    /// one becomes active, so at that instant the new one is in force (archived-at is exclusive).
    /// </summary>
    public RuleSetTimelineEntry? At(DateTimeOffset at) =>
        _newestFirst.FirstOrDefault(e => e.PublishedAt <= at && (e.ArchivedAt is null || e.ArchivedAt > at));

    /// <summary>
    /// True when this copy can answer for <paramref name="at"/>: a publish on another node is only seen on reload, so
    /// only instants older than the load by <paramref name="margin"/> (a publish's commit time plus clock skew) are settled.
    /// </summary>
    public bool Settles(DateTimeOffset at, TimeSpan margin) => at < LoadedAt - margin;
}
