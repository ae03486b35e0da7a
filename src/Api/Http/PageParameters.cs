using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// <c>limit</c> and <c>after</c>, the same on every list: bound with <c>[AsParameters]</c> and checked by the built-in
/// validation, so a bad one is a 400 naming it. A list with filters derives from this.
/// </summary>
public class PageParameters
{
    public const string LimitMessage = "limit must be a whole number from 1 to 100 (default 20).";

    [Range(PageRequest.MinLimit, PageRequest.MaxLimit, ErrorMessage = LimitMessage)]
    [Description("How many items to return: 1 to 100, default 20.")]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [CursorFormat]
    [Description("The nextCursor of the previous page, to get the page after it.")]
    [FromQuery(Name = "after")]
    public string? After { get; init; }

    public PageRequest ToPageRequest() => new(Limit ?? PageRequest.DefaultLimit, After);
}

/// <summary>An <c>after</c> that is not a cursor this API handed out is refused, not read as "from the start".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CursorFormatAttribute() : ValidationAttribute($"after must be {Cursor.Expected}.")
{
    public override bool IsValid(object? value) => value is null || Cursor.TryDecode(value as string, out _);
}
