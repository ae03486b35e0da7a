using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Demo;

public sealed record DemoUser(string Email, string DisplayName, string Role);

/// <summary>One console user per role for the demo brand, and a platform operator; created once, never duplicated.</summary>
public sealed class DemoUsers(UserManager<AppUser> users, DemoOptions options)
{
    public static IReadOnlyList<DemoUser> For(DemoOptions options) =>
    [
        new($"owner@{options.Slug}.example", "Olivia Owner", UserRoles.Owner),
        new($"operator@{options.Slug}.example", "Oscar Operator", UserRoles.Operator),
        new($"finance@{options.Slug}.example", "Fiona Finance", UserRoles.Finance),
        new("platform@communitysaas.example", "Pat Platform", UserRoles.Platform),
    ];

    public async Task SeedAsync(TenantInfo tenant)
    {
        foreach (var demo in For(options))
        {
            if (await users.Users.AnyAsync(u => u.Email == demo.Email)) continue;
            var user = new AppUser
            {
                UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName, Role = demo.Role,
                TenantId = demo.Role == UserRoles.Platform ? null : tenant.Id,
            };
            var result = await users.CreateAsync(user, options.UserPassword);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {demo.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
