using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Orders;

public sealed class OrderService(AppDbContext db, ITenantContext tenant, IEventPublisher events, GroupCommit groupCommit, TimeProvider time)
{
    public async Task<ServiceResult<OrderView>> CreateAsync(CreateOrder command, CancellationToken ct = default)
    {
        // Optimistic: a new order is the common case, so no lookup first; the unique index on the
        // storefront's order id turns a replay into the first result (or a 409) below.
        var hash = RequestHash.OfValue(command);
        var currency = tenant.Tenant!.Currency;
        if (command.Currency != currency) return Invalid(nameof(CreateOrder.Currency), $"Orders must be in the brand's currency, {currency}.");
        var memberId = await db.Members.Where(m => m.ExternalId == command.MemberExternalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
        if (memberId is null)
        {
            return await ReplayAsync(command.OrderId, hash, ct)
                ?? Invalid(nameof(CreateOrder.MemberExternalId), $"No member with id '{command.MemberExternalId}'; upsert the member first.");
        }
        if (command.CommunityId is not null && !await db.Communities.AnyAsync(c => c.Id == command.CommunityId, ct))
        {
            return Invalid(nameof(CreateOrder.CommunityId), $"No community with id '{command.CommunityId}'.");
        }

        var now = time.GetUtcNow();
        var order = new Order
        {
            ExternalId = command.OrderId,
            MemberId = memberId,
            CommunityId = command.CommunityId,
            KosShareCode = command.KosShareCode,
            Currency = currency,
            Total = command.Lines.Sum(l => l.Quantity * l.UnitPrice),
            Status = OrderStatus.Paid,
            PaidAt = (command.PaidAt ?? now).ToUniversalTime(),
            CreatedAt = now,
            RequestHash = hash,
            Lines = command.Lines.Select((l, i) => new OrderLine
            {
                LineNumber = i + 1, Sku = l.Sku, Category = l.Category, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Amount = l.Quantity * l.UnitPrice,
            }).ToList(),
        };
        db.Orders.Add(order);
        events.Publish(new OrderPaid(order.Id, order.ExternalId, memberId, order.CommunityId, order.KosShareCode, order.Total, currency)
        {
            TenantId = tenant.TenantId!, OccurredAt = order.PaidAt,
        });
        if (!await groupCommit.SaveAsync(db, ct))
        {
            return await ReplayAsync(command.OrderId, hash, ct) ?? throw new InvalidOperationException("A unique index refused the order but no order with its id was found.");
        }
        return ServiceResult<OrderView>.Created(ToView(order, command.MemberExternalId));
    }

    public async Task<ServiceResult<OrderView>> GetAsync(string orderId, CancellationToken ct = default)
    {
        var order = await LoadAsync(orderId, ct);
        return order is null ? NotFound(orderId) : ServiceResult<OrderView>.Ok(await ViewAsync(order, ct));
    }

    public async Task<ServiceResult<OrderView>> FulfillAsync(string orderId, CancellationToken ct = default)
    {
        var order = await LoadAsync(orderId, ct);
        if (order is null) return NotFound(orderId);
        if (order.Status == OrderStatus.Paid)
        {
            order.Status = OrderStatus.Fulfilled;
            order.FulfilledAt = time.GetUtcNow();
            events.Publish(new OrderFulfilled(order.Id, order.ExternalId) { TenantId = order.TenantId, OccurredAt = order.FulfilledAt.Value });
            await db.SaveChangesAsync(ct);
        }
        else if (order.Status == OrderStatus.Refunded)
        {
            return ServiceResult<OrderView>.Conflict($"Order '{orderId}' is fully refunded and cannot be fulfilled.");
        }
        return ServiceResult<OrderView>.Ok(await ViewAsync(order, ct));
    }

    public async Task<ServiceResult<OrderView>> RefundAsync(string orderId, CreateRefund command, CancellationToken ct = default)
    {
        var order = await LoadAsync(orderId, ct);
        if (order is null) return NotFound(orderId);
        var hash = RequestHash.OfValue(new { orderId, command });
        var prior = await db.Refunds.AsNoTracking().FirstOrDefaultAsync(r => r.ExternalId == command.RefundId, ct);
        if (prior is not null)
        {
            return prior.RequestHash == hash
                ? ServiceResult<OrderView>.Ok(await ViewAsync(order, ct))
                : ServiceResult<OrderView>.Conflict($"Refund '{command.RefundId}' was already made with different details.");
        }

        var plan = RefundPlanner.Plan(order, command);
        if (plan.Error is not null) return Invalid(plan.Field!, plan.Error);

        var refund = new Refund
        {
            OrderId = order.Id, ExternalId = command.RefundId, Amount = plan.Amount, Reason = command.Reason,
            CreatedAt = time.GetUtcNow(), RequestHash = hash,
            Lines = plan.Lines.Select(l => new RefundLine { LineNumber = l.LineNumber, Quantity = l.Quantity, Amount = l.Amount }).ToList(),
        };
        order.Refunds.Add(refund);
        var full = order.RefundedTotal >= order.Total;
        order.Status = full ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded;
        events.Publish(new OrderRefunded(order.Id, order.ExternalId, refund.Id, refund.Amount, order.Currency, plan.Lines, full)
        {
            TenantId = order.TenantId, OccurredAt = refund.CreatedAt,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return await RefundAsync(orderId, command, ct);
        }
        return ServiceResult<OrderView>.Created(await ViewAsync(order, ct));
    }

    public async Task<Page<OrderSummary>> ListAsync(OrderQuery query, CancellationToken ct = default)
    {
        var orders = Filter(query.Status, query.From, query.To, query.CommunityId, query.MemberExternalId);
        if (query.After is not null) orders = orders.Where(o => string.Compare(o.Id, query.After) < 0);
        var rows = await (
            from o in orders.OrderByDescending(o => o.Id).Take(query.Limit + 1)
            join m in db.Members on o.MemberId equals m.Id
            orderby o.Id descending
            select new OrderSummary(o.Id, o.ExternalId, m.ExternalId, o.CommunityId, o.Currency, o.Total, o.Status, o.PaidAt)).ToListAsync(ct);
        return PageRequest.ToPage(rows, query.Limit, o => o.Id);
    }

    /// <summary>The console's orders table: filtered, sorted and paged in the database.</summary>
    public async Task<GridPage<OrderSummary>> SearchAsync(OrderGridQuery query, CancellationToken ct = default)
    {
        var orders = Filter(query.Status, query.From, query.To, query.CommunityId, query.MemberExternalId);
        var rows = from o in orders
                   join m in db.Members on o.MemberId equals m.Id
                   select new { Order = o, MemberExternalId = m.ExternalId };
        // By payment time only: SQLite stores decimals as text and cannot order by amount in SQL.
        return await rows.ToGridPageAsync(
            q => query.Descending
                ? q.OrderByDescending(x => x.Order.PaidAt).ThenByDescending(x => x.Order.Id)
                : q.OrderBy(x => x.Order.PaidAt).ThenBy(x => x.Order.Id),
            x => new OrderSummary(x.Order.Id, x.Order.ExternalId, x.MemberExternalId, x.Order.CommunityId, x.Order.Currency, x.Order.Total, x.Order.Status, x.Order.PaidAt),
            query.Page, ct);
    }

    private IQueryable<Order> Filter(OrderStatus? status, DateTimeOffset? from, DateTimeOffset? to, string? communityId, string? memberExternalId)
    {
        var orders = db.Orders.AsNoTracking();
        if (status is not null) orders = orders.Where(o => o.Status == status);
        if (from is not null) orders = orders.Where(o => o.PaidAt >= from.Value.ToUniversalTime());
        if (to is not null) orders = orders.Where(o => o.PaidAt < to.Value.ToUniversalTime());
        if (communityId is not null) orders = orders.Where(o => o.CommunityId == communityId);
        if (memberExternalId is not null)
        {
            orders = orders.Where(o => db.Members.Any(m => m.Id == o.MemberId && m.ExternalId == memberExternalId));
        }
        return orders;
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
        db.Orders.Include(o => o.Lines).Include(o => o.Refunds).ThenInclude(r => r.Lines)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.ExternalId == orderId, ct);

    private async Task<OrderView> ViewAsync(Order order, CancellationToken ct)
    {
        var memberExternalId = await db.Members.Where(m => m.Id == order.MemberId).Select(m => m.ExternalId).FirstAsync(ct);
        return ToView(order, memberExternalId);
    }

    private static OrderView ToView(Order o, string memberExternalId)
    {
        var refundedQuantities = o.Refunds.SelectMany(r => r.Lines).GroupBy(l => l.LineNumber).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        return new OrderView(
            o.Id, o.ExternalId, o.MemberId, memberExternalId, o.CommunityId, o.KosShareCode, o.Currency, o.Total, o.RefundedTotal, o.Status, o.PaidAt, o.FulfilledAt,
            o.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineView(l.LineNumber, l.Sku, l.Category, l.Quantity, l.UnitPrice, l.Amount,
                refundedQuantities.GetValueOrDefault(l.LineNumber))).ToList(),
            o.Refunds.OrderBy(r => r.CreatedAt).Select(r => new RefundView(r.Id, r.ExternalId, r.Amount, r.Reason,
                r.Lines.Select(l => new RefundedLineView(l.LineNumber, l.Quantity, l.Amount)).ToList(), r.CreatedAt)).ToList());
    }

    private static ServiceResult<OrderView> NotFound(string orderId) => ServiceResult<OrderView>.NotFound($"No order with id '{orderId}'.");

    private static ServiceResult<OrderView> Invalid(string field, string message) => ServiceResult<OrderView>.Invalid(field, message);
}
