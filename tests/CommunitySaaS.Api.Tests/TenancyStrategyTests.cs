using System.Security.Claims;
using CommunitySaaS.Api.Tenancy;
using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CommunitySaaS.Api.Tests;

public sealed class TenancyStrategyTests
{
    [Theory]
    [InlineData("acme.example.com", "acme")]
    [InlineData("ACME.Example.com", "acme")]
    [InlineData("example.com", null)]
    [InlineData("a.b.example.com", null)]
    [InlineData("acme.other.com", null)]
    public void HostStrategy_ReadsOnlyTheFirstLabel_OfTheConfiguredDomain(string host, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        new HostTenantStrategy("{tenant}.example.com").GetIdentifier(context).ShouldBe(expected);
    }

    [Fact]
    public void HostStrategy_Throws_WhenTheTemplateDoesNotStartWithTheTenantLabel() =>
        Should.Throw<ArgumentException>(() => new HostTenantStrategy("example.com/{tenant}"));

    [Fact]
    public void PrincipalStrategy_ReadsTheTenantClaim()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TenantClaims.TenantSlug, "acme")], "test")) };
        new PrincipalTenantStrategy().GetIdentifier(context).ShouldBe("acme");
    }

    [Fact]
    public void RouteStrategy_ReadsTheNamedRouteValue_WhenPresent()
    {
        var context = new DefaultHttpContext();
        context.Request.RouteValues = new RouteValueDictionary { ["tenant"] = "acme" };
        new RouteTenantStrategy().GetIdentifier(context).ShouldBe("acme");
        new RouteTenantStrategy("brand").GetIdentifier(context).ShouldBeNull();
    }
}
