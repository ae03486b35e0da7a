using CommunitySaaS.Core;

namespace CommunitySaaS.Api.Orders;

public static class OrdersSetup
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOrdersFeature(builder.Configuration);
        return builder;
    }
}
