using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Core.Nightly;

namespace CommunitySaaS.Api.Nightly;

public static class NightlySetup
{
    /// <summary>The job that runs each brand's loyalty night in its time zone (options under <c>Loyalty:Nightly</c>).</summary>
    public static WebApplicationBuilder AddNightly(this WebApplicationBuilder builder)
    {
        builder.Services.AddNightlyFeature(builder.Configuration);
        builder.Services.AddScoped<IRecurringJob, LoyaltyNightlyJob>();
        return builder;
    }
}
