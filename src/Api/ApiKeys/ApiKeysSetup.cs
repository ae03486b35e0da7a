using CommunitySaaS.Core;

namespace CommunitySaaS.Api.ApiKeys;

public static class ApiKeysSetup
{
    public static WebApplicationBuilder AddApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddApiKeysFeature();
        return builder;
    }
}
