using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Admin.Account;

public sealed class LoginInput
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
