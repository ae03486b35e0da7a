using CommunitySaaS.Core;

namespace CommunitySaaS.Api.Members;

public static class MembersSetup
{
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddMembersFeature();
        return builder;
    }
}
