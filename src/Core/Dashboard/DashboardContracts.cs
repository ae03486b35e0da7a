namespace CommunitySaaS.Core.Dashboard;

/// <summary>Headline figures over one period that ends now; days are the brand's calendar days.</summary>
public sealed record DashboardPeriod(string Label, int Days, decimal Gmv, int Orders, int NewMembers, int ActiveCommunities);

public sealed record DashboardDay(DateOnly Date, decimal Gmv, int Orders);

public sealed record DashboardView(string Currency, string TimeZone, IReadOnlyList<DashboardPeriod> Periods, IReadOnlyList<DashboardDay> Days);
