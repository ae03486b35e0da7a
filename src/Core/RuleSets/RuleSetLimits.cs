namespace CommunitySaaS.Core.RuleSets;

public static class RuleSetLimits
{
    public const int MaxNoteLength = 500;
    public const int MaxActorLength = 100;
    /// <summary>Simulating against real orders reads at most this many, newest first.</summary>
    public const int MaxLastOrders = 200;
    public const int MaxCases = 100;
}
