using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tests;

public sealed class TenantContextTests
{
    [Fact]
    public void Set_Throws_WhenTheScopeAlreadyHasAnotherTenant()
    {
        var context = new TenantContext();
        var a = new TenantInfo("ten_a", "a", "A", "USD", "UTC", 14, TenantStatus.Active);
        context.Set(a);
        context.Set(a);
        Should.Throw<InvalidOperationException>(() => context.Set(a with { Id = "ten_b" }));
    }
}
