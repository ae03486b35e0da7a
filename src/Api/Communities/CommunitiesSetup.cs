using CommunitySaaS.Core;

namespace CommunitySaaS.Api.Communities;

public static class CommunitiesSetup
{
    public static WebApplicationBuilder AddCommunities(this WebApplicationBuilder builder)
    {
        builder.Services.AddCommunitiesFeature();
        return builder;
    }
}
