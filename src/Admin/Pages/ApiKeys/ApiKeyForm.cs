using CommunitySaaS.Core.ApiKeys;

namespace CommunitySaaS.Admin.Pages.ApiKeys;

/// <summary>The editable shape of <see cref="CreateApiKey"/>.</summary>
public sealed class ApiKeyForm
{
    public string Name { get; set; } = "";
    public ApiKeyKind? Kind { get; set; } = ApiKeyKind.Secret;

    public CreateApiKey ToCommand() => new(Name, Kind);
}
