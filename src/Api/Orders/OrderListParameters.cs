using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Orders;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Orders;

public sealed class OrderListParameters : PageParameters
{
    [OneOf(typeof(FulfillmentStatus))]
    [Description("Only orders in this fulfillment state.")]
    [FromQuery(Name = "fulfillment")]
    public string? Fulfillment { get; init; }

    [OneOf(typeof(RefundStatus))]
    [Description("Only orders in this refund state.")]
    [FromQuery(Name = "refund")]
    public string? Refund { get; init; }

    [Description("Only orders paid at or after this instant (ISO 8601, e.g. 2026-01-31T00:00:00Z).")]
    [FromQuery(Name = "from")]
    public DateTimeOffset? From { get; init; }

    [Description("Only orders paid before this instant (ISO 8601).")]
    [FromQuery(Name = "to")]
    public DateTimeOffset? To { get; init; }

    [StringLength(Ids.MaxLength, ErrorMessage = "communityId is a community id (com_…) of at most 40 characters.")]
    [Description("Only orders of this community.")]
    [FromQuery(Name = "communityId")]
    public string? CommunityId { get; init; }

    [StringLength(100, ErrorMessage = "member is a member's externalId of at most 100 characters.")]
    [Description("Only orders of the member with this externalId.")]
    [FromQuery(Name = "member")]
    public string? Member { get; init; }
}
