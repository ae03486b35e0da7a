namespace CommunitySaaS.Core.Points;

public static class PointsLimits
{
    public const int MaxSourceIdLength = 120;
    public const int MaxLegLength = 120;
    public const int MaxActorLength = 120;
    public const int MaxReasonLength = 500;
    public const int MaxLimitKeyLength = 200;
}
