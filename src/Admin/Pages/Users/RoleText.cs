using CommunitySaaS.Core.Users;

namespace CommunitySaaS.Admin.Pages.Users;

public static class RoleText
{
    public static string Describe(string role) => role switch
    {
        UserRoles.Owner => "everything, manages users and keys",
        UserRoles.Operator => "members, communities, orders",
        UserRoles.Finance => "settlements and payouts; read-only elsewhere",
        _ => role,
    };
}
