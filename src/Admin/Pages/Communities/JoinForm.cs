using CommunitySaaS.Core.Communities;

namespace CommunitySaaS.Admin.Pages.Communities;

/// <summary>The editable shape of <see cref="JoinCommunity"/>.</summary>
public sealed class JoinForm
{
    public string MemberExternalId { get; set; } = "";

    public JoinCommunity ToCommand() => new(MemberExternalId.Trim());
}
