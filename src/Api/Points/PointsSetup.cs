using CommunitySaaS.Core.Points;

namespace CommunitySaaS.Api.Points;

public static class PointsSetup
{
    public static WebApplicationBuilder AddPoints(this WebApplicationBuilder builder)
    {
        builder.Services.AddPointsFeature();
        return builder;
    }
}
