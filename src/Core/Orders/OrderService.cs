using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

/// <summary>Orders: recording a paid order here; fulfilment, refunds and queries in the other parts of this class.</summary>
public sealed partial class OrderService(
    AppDbContext db, ITenantContext tenant, IEventPublisher events, GroupCommit groupCommit, OrderReferences references,
    OrderOptions options, TimeProvider time)
{
    public async Task<ServiceResult<OrderView>> CreateAsync(CreateOrder command, CancellationToken ct = default)
    {
        // Optimistic: a new order is the common case, so no lookup first; the unique index on the
        // storefront's order id turns a replay into the first result (or a 409) below.
        var info = tenant.Tenant!;
        var currency = info.Currency;
        if (command.Currency != currency) return Invalid(nameof(CreateOrder.Currency), $"Orders must be in the brand's currency, {currency}.");
        var now = time.GetUtcNow();
        var paidAt = (command.PaidAt ?? now).ToUniversalTime();
        if (PaidAtProblem(paidAt, now) is { } paidAtProblem) return Invalid(nameof(CreateOrder.PaidAt), paidAtProblem);
        var errors = new Dictionary<string, string[]>();
        if (OrderPricing.Price(command, currency, errors) is not { } priced) return ServiceResult<OrderView>.Invalid(errors, "The order's amounts are not valid.");

        var hash = RequestHash.OfValue(command);
        var memberId = await references.MemberIdAsync(db, info.Id, command.MemberExternalId, ct);
        if (memberId is null)
        {
            return await ReplayAsync(command.OrderId, hash, ct)
                ?? Invalid(nameof(CreateOrder.MemberExternalId), $"No member with id '{command.MemberExternalId}'; upsert the member first.");
        }
        if (command.CommunityId is not null && !await references.CommunityExistsAsync(db, info.Id, command.CommunityId, ct))
        {
            return Invalid(nameof(CreateOrder.CommunityId), $"No community with id '{command.CommunityId}'.");
        }

        var order = NewOrder(command, priced, memberId, currency, paidAt, paidAt.AddDays(info.ReturnWindowDays), now, hash);
        order.TenantId = info.Id;
        db.Orders.Add(order);
        events.Publish(OrderEventFactory.Paid(order));
        if (!await groupCommit.SaveAsync(db, ct, DuplicateKey(info.Id, command.OrderId)))
        {
            return await ReplayAsync(command.OrderId, hash, ct) ?? throw new InvalidOperationException("A unique index refused the order but no order with its id was found.");
        }
        return ServiceResult<OrderView>.Created(ToView(order, command.MemberExternalId));
    }

    /// <summary>The group commit's duplicate key for an order: the storefront's id within the tenant.</summary>
    public static GroupCommitKey DuplicateKey(string tenantId, string orderExternalId) => new(tenantId, orderExternalId);

    private string? PaidAtProblem(DateTimeOffset paidAt, DateTimeOffset now)
    {
        if (paidAt > now + options.PaidAtClockSkew) return $"paidAt {paidAt:O} is in the future; this server's time is {now:O}.";
        if (paidAt < now.AddDays(-options.MaxPaidAtAgeDays)) return $"paidAt may be at most {options.MaxPaidAtAgeDays} days ago.";
        return null;
    }

    private static Order NewOrder(
        CreateOrder command, OrderPricing.Priced priced, string memberId, string currency, DateTimeOffset paidAt, DateTimeOffset returnWindowEndsAt,
        DateTimeOffset now, string hash) => new()
    {
        ExternalId = command.OrderId,
        MemberId = memberId,
        CommunityId = command.CommunityId,
        KosShareCode = command.KosShareCode,
        Currency = currency,
        SubtotalMinor = priced.SubtotalMinor,
        DiscountMinor = priced.DiscountMinor,
        ShippingMinor = priced.ShippingMinor,
        TotalMinor = priced.TotalMinor,
        FulfillmentStatus = FulfillmentStatus.Unfulfilled,
        RefundStatus = RefundStatus.None,
        EventSequence = 1,
        PaidAt = paidAt,
        CreatedAt = now,
        ReturnWindowEndsAt = returnWindowEndsAt,
        RequestHash = hash,
        Lines = priced.Lines.Select((l, i) => new OrderLine
        {
            LineNumber = i + 1, Sku = l.Request.Sku, Category = l.Request.Category, Quantity = l.Request.Quantity,
            UnitPriceMinor = l.UnitPriceMinor, GrossMinor = l.GrossMinor, DiscountMinor = l.DiscountMinor,
            OrderDiscountMinor = l.OrderDiscountMinor, PaidMinor = l.PaidMinor,
        }).ToList(),
    };

    public async Task<ServiceResult<OrderView>> GetAsync(string orderId, CancellationToken ct = default)
    {
        var order = await LoadAsync(orderId, ct);
        return order is null ? NotFound(orderId) : ServiceResult<OrderView>.Ok(await ViewAsync(order, ct));
    }

    private async Task<ServiceResult<OrderView>?> ReplayAsync(string orderId, string hash, CancellationToken ct)
    {
        var existing = await LoadAsync(orderId, ct);
        if (existing is null) return null;
        return existing.RequestHash == hash
            ? ServiceResult<OrderView>.Ok(await ViewAsync(existing, ct))
            : ServiceResult<OrderView>.Conflict($"Order '{orderId}' was already recorded with a different body.");
    }

    private Task<Order?> LoadAsync(string orderId, CancellationToken ct) =>
        db.Orders.WithLinesAndRefunds().FirstOrDefaultAsync(o => o.ExternalId == orderId, ct);

    private async Task<OrderView> ViewAsync(Order order, CancellationToken ct) => ToView(order, await db.ExternalIdOfAsync(order.MemberId, ct));

    private static OrderView ToView(Order o, string memberExternalId) => OrderViews.Of(o, memberExternalId);

    private static ServiceResult<OrderView> NotFound(string orderId) => ServiceResult<OrderView>.NotFound($"No order with id '{orderId}'.");

    private static ServiceResult<OrderView> Invalid(string field, string message) => ServiceResult<OrderView>.Invalid(field, message);
}
