using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Memberships;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Memberships;

/// <summary>Hourly per brand: paid tiers whose grace or paid period ran out without a webhook are ended and recorded.</summary>
public sealed class MembershipExpiryJob(MembershipExpiry expiry) : ITenantJob
{
    public string Id => "membership-expiry";

    public string Cron => Hangfire.Cron.Hourly();

    public async Task<JobStepResult> RunTenantAsync(TenantInfo tenant, JobRunContext run, CancellationToken ct) =>
        new(await expiry.RunAsync($"job:{Id}:{run.RunId}", ct));
}
