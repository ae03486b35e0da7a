using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Communities;

namespace CommunitySaaS.Api.Communities;

public sealed class CommunityListParameters : PageParameters
{
    [StringLength(200, ErrorMessage = "q has at most 200 characters.")]
    [Description("A part of the community's name.")]
    public string? Q { get; init; }

    [OneOf(typeof(CommunityKind))]
    [Description("onlineGroup or offlineStore.")]
    public string? Kind { get; init; }
}
