using CommunitySaaS.Core.Users;

namespace CommunitySaaS.Admin.Pages.Users;

/// <summary>The editable shape of <see cref="CreateUser"/>.</summary>
public sealed class UserForm
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = UserRoles.Operator;
    public string Password { get; set; } = "";

    public CreateUser ToCommand() => new(Email.Trim(), DisplayName.Trim(), Role, Password);
}
