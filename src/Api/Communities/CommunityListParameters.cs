using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Communities;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Communities;

public sealed class CommunityListParameters : PageParameters
{
    [StringLength(200, ErrorMessage = "q has at most 200 characters.")]
    [Description("A part of the community's name.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [OneOf(typeof(CommunityKind))]
    [Description("onlineGroup or offlineStore.")]
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }
}
