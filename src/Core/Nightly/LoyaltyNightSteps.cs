using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Core.Nightly;

/// <summary>The four kinds of work a loyalty night is made of, each safe to run again at the same cutoff.</summary>
public interface ILoyaltyNightSteps
{
    Task<long> ReleasePendingAsync(DateTimeOffset cutoff, CancellationToken ct);

    Task<TierPassResult> EvaluateTiersAsync(DateTimeOffset cutoff, CancellationToken ct);

    Task<long> ExpireAsync(DateTimeOffset cutoff, CancellationToken ct);

    /// <summary>Sends the night's <c>points.expiring_soon</c> digests; returns how many members the night has noticed in all.</summary>
    Task<long> NotifyExpiringAsync(DateOnly night, DateTimeOffset cutoff, CancellationToken ct);
}

internal sealed class LoyaltyNightSteps(PointsRelease release, TierBatchEvaluation tiers, PointsExpiry expiry, PointsExpiryNotifications notices)
    : ILoyaltyNightSteps
{
    public const string Trigger = "nightly";

    public async Task<long> ReleasePendingAsync(DateTimeOffset cutoff, CancellationToken ct) => await release.RunAsync(cutoff, ct);

    public Task<TierPassResult> EvaluateTiersAsync(DateTimeOffset cutoff, CancellationToken ct) => tiers.RunAsync(cutoff, Trigger, ct);

    public async Task<long> ExpireAsync(DateTimeOffset cutoff, CancellationToken ct) => await expiry.RunAsync(cutoff, ct);

    public Task<long> NotifyExpiringAsync(DateOnly night, DateTimeOffset cutoff, CancellationToken ct) => notices.RunAsync(night, cutoff, ct);
}
