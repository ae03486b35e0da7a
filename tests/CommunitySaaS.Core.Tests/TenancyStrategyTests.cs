using System.Security.Claims;
using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace CommunitySaaS.Core.Tests;

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
    public void PrincipalStrategy_ReadsTheTenantClaim()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TenantClaims.TenantSlug, "acme")], "test")) };
        new PrincipalTenantStrategy().GetIdentifier(context).ShouldBe("acme");
    }

    [Fact]
    public void TenantContext_RefusesToSwitchTenant_OnceSet()
    {
        var context = new TenantContext();
        var a = new TenantInfo("ten_a", "a", "A", "USD", "UTC", 14, TenantStatus.Active);
        context.Set(a);
        context.Set(a);
        Should.Throw<InvalidOperationException>(() => context.Set(a with { Id = "ten_b" }));
    }
}
