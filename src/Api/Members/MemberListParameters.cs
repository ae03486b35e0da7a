using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Members;

public sealed class MemberListParameters : PageParameters
{
    [StringLength(200, ErrorMessage = "q has at most 200 characters.")]
    [Description("A name part, or an exact email, phone or member id.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }
}
