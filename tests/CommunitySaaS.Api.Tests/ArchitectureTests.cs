using System.Reflection;
using CommunitySaaS.Admin;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Rules;
using NetArchTest.Rules;

namespace CommunitySaaS.Api.Tests;

/// <summary>The dependency rules of DESIGN.md, checked on the compiled assemblies so a stray <c>using</c> fails the build's tests.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(AppDbContext).Assembly;
    private static readonly Assembly Rules = typeof(RulesServiceCollectionExtensions).Assembly;
    private static readonly Assembly Admin = typeof(AdminSetup).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    /// <summary>
    /// Identity's stores (<c>Microsoft.AspNetCore.Identity</c>) and Data Protection (<c>Microsoft.AspNetCore.DataProtection</c>,
    /// which encrypts the brands' Stripe keys with its key ring in the database) are data, not HTTP, and stay allowed.
    /// </summary>
    private static readonly string[] HttpNamespaces =
    [
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Components",
    ];

    [Fact]
    public void Core_DependsOnNoAspNetCoreHttpNamespace() =>
        ShouldHold(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(HttpNamespaces));

    [Fact]
    public void Core_ReferencesNoAspNetCoreAssembly_ButIdentityStoresAndDataProtection() =>
        Core.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                && !n.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                && !n.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
            .ShouldBeEmpty();

    [Fact]
    public void Core_DependsOnNeitherAdminNorApi() =>
        ShouldHold(Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("CommunitySaaS.Admin", "CommunitySaaS.Api"));

    [Fact]
    public void Rules_DependsOnNeitherCoreNorEntityFramework() =>
        ShouldHold(Types.InAssembly(Rules).ShouldNot().HaveDependencyOnAny("CommunitySaaS.Core", "Microsoft.EntityFrameworkCore"));

    [Fact]
    public void ConsolePages_NeverTouchTheDatabase_OnlyCoreServices() =>
        ShouldHold(Types.InAssembly(Admin).That().ResideInNamespaceStartingWith("CommunitySaaS.Admin.Pages")
            .ShouldNot().HaveDependencyOnAny(typeof(AppDbContext).FullName!, "Microsoft.EntityFrameworkCore"));

    /// <summary>The rules above would pass vacuously if NetArchTest saw no dependencies at all; the host does use HTTP and EF.</summary>
    [Fact]
    public void Rules_CatchADependency_WhenOneExists()
    {
        Types.InAssembly(Api).ShouldNot().HaveDependencyOnAny(HttpNamespaces).GetResult().IsSuccessful.ShouldBeFalse();
        Types.InAssembly(Core).ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful.ShouldBeFalse();
        Types.InAssembly(Admin).That().ResideInNamespaceStartingWith("CommunitySaaS.Admin.Pages").GetTypes().ShouldNotBeEmpty();
    }

    private static void ShouldHold(ConditionList rule)
    {
        var result = rule.GetResult();
        result.IsSuccessful.ShouldBeTrue($"Breaking types: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
