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

    /// <summary>
    /// Locks every demo user whose password is still the demo's (it is printed and documented), so a database seeded
    /// by an earlier run gives nobody a console login; returns the emails it locked.
    /// </summary>
    public async Task<IReadOnlyList<string>> LockWithDemoPasswordAsync()
    {
        var locked = new List<string>();
        foreach (var demo in For(options))
        {
            var user = await users.FindByEmailAsync(demo.Email);
            if (user is null || !await users.CheckPasswordAsync(user, options.UserPassword) || await users.IsLockedOutAsync(user)) continue;
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            locked.Add(demo.Email);
        }
        return locked;
    }

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
