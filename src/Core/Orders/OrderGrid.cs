using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Orders;

public enum OrderSort { PaidAt, Total }

/// <summary>The orders table's filters, sort and page; newest payment first by default.</summary>
public sealed record OrderGridQuery(
    FulfillmentStatus? Fulfillment = null, RefundStatus? Refund = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    string? CommunityId = null, string? MemberExternalId = null, bool Descending = true, GridRequest? Page = null,
    OrderSort Sort = OrderSort.PaidAt);
