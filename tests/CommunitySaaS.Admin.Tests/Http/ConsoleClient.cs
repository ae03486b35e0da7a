using System.Net;
using System.Text.RegularExpressions;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunitySaaS.Admin.Tests.Http;

/// <summary>A browser-like client of the console over the real HTTP pipeline: cookies kept, redirects visible.</summary>
public sealed partial class ConsoleClient(TestHost host) : IDisposable
{
    public HttpClient Http { get; } = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form as a browser would (antiforgery token included); returns the response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var form = await Http.GetStringAsync("/admin/account/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        return await Http.PostAsync("/admin/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
