using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Points;

public sealed class ExpiringParameters : PageParameters
{
    [Range(1, 100, ErrorMessage = "days must be a whole number from 1 to 100 (default 30).")]
    [Description("Points expiring within this many days: 1 to 100, default 30.")]
    [FromQuery(Name = "days")]
    public int? Days { get; init; }
}
