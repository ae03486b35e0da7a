namespace CommunitySaaS.Core.Nightly;

/// <summary>When a brand's loyalty night starts, in its own time zone, and when a night left running counts as abandoned.</summary>
public sealed class NightlyOptions
{
    public const string Section = "Loyalty:Nightly";

    /// <summary>Local time of day (in the brand's time zone) from which that date's night may run.</summary>
    public TimeSpan LocalStart { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A night still marked running this long after its start is taken over: its node is presumed dead.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromHours(1);
}
