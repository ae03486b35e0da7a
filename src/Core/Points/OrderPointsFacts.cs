using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.RuleSets;

namespace CommunitySaaS.Core.Points;

/// <summary>The facts points rules see for a paid order: the lines' paid amounts, never shipping.</summary>
internal static class OrderPointsFacts
{
    public static RuleFacts Of(OrderPaid paid, Member? member, string? tierCode, IReadOnlyList<string> communityIds) =>
        new(
            new OrderFacts(
                paid.OrderId, paid.ExternalId, Money.ToDecimal(paid.GoodsPaidMinor, paid.Currency), paid.Currency,
                paid.Lines.OrderBy(l => l.LineNumber)
                    .Select(l => new OrderLineFacts(l.Sku, l.Category, l.Quantity, Money.ToDecimal(l.PaidMinor, paid.Currency))).ToList(),
                paid.CommunityId, null, paid.KosShareCode, paid.PaidAt),
            member is null
                ? null
                : new MemberFacts(member.Id, member.ExternalId, tierCode, member.Birthday, member.CreatedAt, member.Tags, communityIds));
}
