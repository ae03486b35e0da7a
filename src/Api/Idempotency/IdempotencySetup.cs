using CommunitySaaS.Core;

namespace CommunitySaaS.Api.Idempotency;

public static class IdempotencySetup
{
    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdempotencyFeature();
        builder.Services.AddScoped<Jobs.IRecurringJob, PurgeIdempotencyKeysJob>();
        return builder;
    }

    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
