using CommunitySaaS.Core.Tiers;

namespace CommunitySaaS.Api.Tiers;

public static class TiersSetup
{
    public static WebApplicationBuilder AddTiers(this WebApplicationBuilder builder)
    {
        builder.Services.AddTiersFeature();
        return builder;
    }
}
