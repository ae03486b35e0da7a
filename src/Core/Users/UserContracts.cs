using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Users;

/// <summary>A console user made by an Owner (or, for a new brand's first Owner, by the platform operator).</summary>
public sealed record CreateUser(
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Required, MinLength(1), MaxLength(200)] string DisplayName,
    [property: Required, AllowedValues(UserRoles.Owner, UserRoles.Operator, UserRoles.Finance, ErrorMessage = "Role must be Owner, Operator or Finance.")] string Role,
    [property: Required, MinLength(UserPasswords.MinLength, ErrorMessage = UserPasswords.Rule), MaxLength(128)] string Password);

public sealed record ChangeUserRole(
    [property: Required, AllowedValues(UserRoles.Owner, UserRoles.Operator, UserRoles.Finance, ErrorMessage = "Role must be Owner, Operator or Finance.")] string Role);

public sealed record UserView(string Id, string Email, string? DisplayName, string Role, bool Locked);

/// <summary>The password rules, stated once for Identity's options and for the forms' messages.</summary>
public static class UserPasswords
{
    public const int MinLength = 10;
    public const string Rule = "Password must have at least 10 characters, with upper and lower case letters and a digit.";
}
