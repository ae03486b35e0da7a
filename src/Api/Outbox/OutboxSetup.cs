using CommunitySaaS.Api.Jobs;

namespace CommunitySaaS.Api.Outbox;

public static class OutboxSetup
{
    /// <summary>The outbox's recurring purge; the outbox itself is part of the foundation (<c>AddDomainEvents</c>).</summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IRecurringJob, OutboxPurgeJob>();
        return builder;
    }
}
