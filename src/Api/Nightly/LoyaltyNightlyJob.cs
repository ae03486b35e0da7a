using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Nightly;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Nightly;

/// <summary>
/// Every quarter hour, per active brand: runs the brand's loyalty night once its local night has begun and that date's
/// night is not yet recorded. Frequent, so each brand's night starts within minutes of its local start whatever its zone.
/// </summary>
public sealed class LoyaltyNightlyJob(LoyaltyNight night) : ITenantJob
{
    public const string JobId = "loyalty-nightly";

    public string Id => JobId;

    public string Cron => "*/15 * * * *";

    public async Task<JobStepResult> RunTenantAsync(TenantInfo tenant, JobRunContext run, CancellationToken ct) =>
        new(await night.RunAsync(tenant, run.Cutoff, run.RunId, ct) == NightOutcome.Ran ? 1 : 0);
}
