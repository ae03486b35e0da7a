using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Users;

/// <summary>
/// The current brand's console users. Users are global rows (sign-in finds them before any tenant is
/// known), so every query here filters by the tenant in context explicitly: a user of another brand is "not found".
/// </summary>
public sealed class UserService(UserManager<AppUser> users, ITenantContext tenant)
{
    private string TenantId => tenant.TenantId ?? throw new InvalidOperationException("Managing users needs a tenant in context.");

    public async Task<GridPage<UserView>> ListAsync(GridRequest page, CancellationToken ct = default)
    {
        var tenantId = TenantId;
        var now = DateTimeOffset.UtcNow;
        return await users.Users.AsNoTracking().Where(u => u.TenantId == tenantId).ToGridPageAsync(
            q => q.OrderBy(u => u.Email),
            u => new UserView(u.Id, u.Email!, u.DisplayName, u.Role, u.LockoutEnd != null && u.LockoutEnd > now), page, ct);
    }

    public Task<ServiceResult<UserView>> CreateAsync(CreateUser command) => CreateInTenantAsync(TenantId, command);

    /// <summary>Creates a user of the given brand; the platform operator uses it for a new brand's first Owner.</summary>
    public async Task<ServiceResult<UserView>> CreateInTenantAsync(string tenantId, CreateUser command)
    {
        var check = await CheckAsync(command);
        if (!check.Succeeded) return new ServiceResult<UserView>(check.Status, null, check.Message, check.Errors);
        var email = command.Email.Trim().ToLowerInvariant();
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, TenantId = tenantId,
            Role = command.Role, DisplayName = command.DisplayName.Trim(),
        };
        var result = await users.CreateAsync(user, command.Password);
        return result.Succeeded ? ServiceResult<UserView>.Created(ToView(user)) : Invalid(result);
    }

    /// <summary>Checks a new user's email and password without creating anyone (to validate before a multi-step create).</summary>
    public async Task<ServiceResult<bool>> CheckAsync(CreateUser command)
    {
        if (await users.FindByEmailAsync(command.Email.Trim()) is not null)
        {
            return ServiceResult<bool>.Invalid(nameof(CreateUser.Email), $"A user with email '{command.Email.Trim().ToLowerInvariant()}' already exists.");
        }
        var password = command.Password;
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            if (!result.Succeeded) return ServiceResult<bool>.Invalid(nameof(CreateUser.Password), Describe(result));
        }
        return ServiceResult<bool>.Ok(true);
    }

    public async Task<ServiceResult<UserView>> ChangeRoleAsync(string userId, ChangeUserRole command)
    {
        var user = await FindAsync(userId);
        if (user is null) return NotFound(userId);
        if (user.Role == command.Role) return ServiceResult<UserView>.Ok(ToView(user));
        if (user.Role == UserRoles.Owner && await IsLastActiveOwnerAsync(user))
        {
            return ServiceResult<UserView>.Conflict("The brand needs at least one active Owner; make someone else Owner first.");
        }
        user.Role = command.Role;
        AuditNames.Name(user, "user.role_changed");
        return await SaveAsync(user);
    }

    /// <summary>Locks a user out (until unlocked) or lets them back in. A lock also ends their open sessions.</summary>
    public async Task<ServiceResult<UserView>> SetLockedAsync(string userId, bool locked)
    {
        var user = await FindAsync(userId);
        if (user is null) return NotFound(userId);
        if (locked && user.Role == UserRoles.Owner && await IsLastActiveOwnerAsync(user))
        {
            return ServiceResult<UserView>.Conflict("The last active Owner cannot be locked.");
        }
        user.LockoutEnabled = true;
        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        if (!locked) user.AccessFailedCount = 0;
        AuditNames.Name(user, locked ? "user.locked" : "user.unlocked");
        return await SaveAsync(user);
    }

    private async Task<ServiceResult<UserView>> SaveAsync(AppUser user)
    {
        // A new security stamp signs the user out everywhere: their cookie still names the old role.
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? ServiceResult<UserView>.Ok(ToView(user)) : Invalid(result);
    }

    private async Task<AppUser?> FindAsync(string userId)
    {
        var tenantId = TenantId;
        return await users.Users.FirstOrDefaultAsync(u => u.Id == userId && u.TenantId == tenantId);
    }

    private async Task<bool> IsLastActiveOwnerAsync(AppUser user)
    {
        var now = DateTimeOffset.UtcNow;
        return !await users.Users.AnyAsync(u => u.TenantId == user.TenantId && u.Id != user.Id && u.Role == UserRoles.Owner
            && (u.LockoutEnd == null || u.LockoutEnd <= now));
    }

    private static ServiceResult<UserView> NotFound(string userId) => ServiceResult<UserView>.NotFound($"No user with id '{userId}'.");

    private static ServiceResult<UserView> Invalid(IdentityResult result)
    {
        var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? nameof(CreateUser.Password) : nameof(CreateUser.Email);
        return ServiceResult<UserView>.Invalid(field, Describe(result));
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private static UserView ToView(AppUser u) =>
        new(u.Id, u.Email!, u.DisplayName, u.Role, u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow);
}
