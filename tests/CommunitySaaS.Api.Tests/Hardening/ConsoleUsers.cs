using System.Net;
using System.Text.RegularExpressions;
using CommunitySaaS.Core.Users;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Hardening;

/// <summary>Console users and the sign-in form, posted as a browser does (antiforgery token included).</summary>
public static partial class ConsoleUsers
{
    public const string Password = "Passw0rd-123";

    /// <summary>A user of the brand, or (without a brand) a platform operator as the demo seeds one.</summary>
    public static async Task<string> CreateAsync(TestHost host, string? tenantId, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await using var scope = host.Services.CreateAsyncScope();
        if (tenantId is null)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Platform", Role = role }, Password);
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
            return email;
        }
        var created = await scope.ServiceProvider.GetRequiredService<UserService>().CreateInTenantAsync(tenantId, new CreateUser(email, role, role, Password));
        created.Succeeded.ShouldBeTrue(created.Message);
        return email;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/admin/account/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        return await client.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The message the form shows (the text of its alert), or null when it shows none.</summary>
    public static async Task<string?> ErrorShownAsync(this HttpResponseMessage response)
    {
        var match = ErrorPattern().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"account-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex ErrorPattern();
}
