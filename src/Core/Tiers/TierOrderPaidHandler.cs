using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Core.Tiers;

/// <summary>
/// Upgrades a member at once after an order. The points of the same order may or may not be in the ledger yet (the
/// points handler of this event runs apart from this one): whatever is stored now is evaluated, and the
/// <c>points.earned</c> handler evaluates again once they are.
/// </summary>
public sealed class TierOrderPaidHandler(TierEvaluator evaluator, TimeProvider time) : IDomainEventHandler<OrderPaid>
{
    public Task HandleAsync(OrderPaid domainEvent, CancellationToken ct) =>
        evaluator.EvaluateAsync([domainEvent.MemberId], time.GetUtcNow(), $"{OrderPaid.TypeName}:{domainEvent.OrderId}", TierEvaluationMode.UpgradeOnly, ct);
}
