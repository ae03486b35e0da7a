namespace CommunitySaaS.Admin.Account;

/// <summary>The console's fixed addresses, for the cookie options and redirects.</summary>
public static class ConsoleRoutes
{
    public const string Root = "/admin";
    public const string Login = "/admin/account/login";
    public const string Logout = "/admin/account/logout";
    public const string AccessDenied = "/admin/account/denied";
    public const string Tenants = "/admin/platform/tenants";
}
