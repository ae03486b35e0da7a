using System.Collections.Concurrent;
using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>
/// Plays a <see cref="LedgerScenario"/> against a fresh brand on a fake-clock host, through the doors a storefront, the
/// console and the nightly job use (order and refund REST with the outbox's handlers, activities, adjustments, the
/// ledger's spend seam rewards use, release and expiry), and checks the ledger's invariants.
/// </summary>
public sealed class LedgerPlayer(TestHost host, TestTenant tenant, LedgerScenario scenario)
{
    private readonly ConcurrentDictionary<int, string> _orders = new();
    private readonly ConcurrentDictionary<int, string> _redemptions = new();
    private readonly string[] _memberIds = new string[LedgerScenario.Members];
    private int _orderCount;
    private int _redemptionCount;

    public static async Task<LedgerPlayer> StartAsync(TestHost host, LedgerScenario scenario)
    {
        var tenant = await host.CreateTenantAsync();
        await (await tenant.SavePolicy(new
        {
            expiryMode = "rollingMonths", expiryCount = scenario.ExpiryMonths, returnPolicy = scenario.ReturnPolicy.ToString(),
            pendingDelayDays = scenario.PendingDelayDays,
        })).ShouldHaveStatus(HttpStatusCode.OK);
        var player = new LedgerPlayer(host, tenant, scenario);
        for (var m = 0; m < LedgerScenario.Members; m++)
        {
            await tenant.UpsertMember($"m{m}");
            player._memberIds[m] = await host.MemberIdAsync(tenant, $"m{m}");
        }
        return player;
    }

    /// <summary>One operation after the other, the invariants checked after each (with the outbox's handlers done).</summary>
    public async Task PlayInOrderAsync()
    {
        for (var i = 0; i < scenario.Ops.Count; i++)
        {
            await PlayAsync(i, scenario.Ops[i]);
            await WaitForHandlersAsync();
            await CheckAsync($"after operation {i}: {scenario.Ops[i]}");
        }
    }

    /// <summary>The operations dealt round-robin to <paramref name="workers"/> tasks that run at once; the invariants checked when all are done.</summary>
    public async Task PlayConcurrentlyAsync(int workers)
    {
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < scenario.Ops.Count; i += workers) await PlayAsync(i, scenario.Ops[i]);
        })));
        await WaitForHandlersAsync();
        await CheckAsync("after all operations");
    }

    private async Task PlayAsync(int index, LedgerOp op)
    {
        switch (op)
        {
            case LedgerOp.Order(var member, var quantity):
                var orderId = $"o-{index}";
                await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order(orderId, $"m{member}", quantity: quantity)))
                    .ShouldHaveStatus(HttpStatusCode.Created);
                _orders[Interlocked.Increment(ref _orderCount) - 1] = orderId;
                break;
            case LedgerOp.Activity(var member, var type):
                await Refused(await tenant.Client.PostJson(tenant.Url($"members/m{member}/activities"),
                    new { activityId = $"a-{index}", type, occurredAt = host.Time().GetUtcNow() }));
                break;
            case LedgerOp.RefundLine(var order, var line):
                if (OrderAt(order) is { } refundOf)
                {
                    await Refused(await tenant.Client.PostJson(tenant.Url($"orders/{refundOf}/refunds"),
                        new { refundId = $"r-{index}", lines = new[] { new { lineNumber = line, quantity = 1 } } }));
                }
                break;
            case LedgerOp.RefundAll(var order):
                if (OrderAt(order) is { } refundAll)
                {
                    var total = await OrderRemainderAsync(refundAll);
                    if (total > 0) await Refused(await tenant.Client.PostJson(tenant.Url($"orders/{refundAll}/refunds"), new { refundId = $"r-{index}", amount = total }));
                }
                break;
            case LedgerOp.Redeem(var member, var points):
                var redemptionId = $"red-{index}";
                await host.WithAsync<IPointsLedger, SpendResult>(tenant, l => l.SpendAsync(new PointsSpend(_memberIds[member], points, PointsSource.Redemption, redemptionId, "test")));
                _redemptions[Interlocked.Increment(ref _redemptionCount) - 1] = redemptionId;
                break;
            case LedgerOp.CancelRedemption(var redemption):
                var count = Volatile.Read(ref _redemptionCount);
                if (count > 0 && _redemptions.TryGetValue(redemption % count, out var cancel))
                {
                    await host.WithAsync<IPointsLedger, IReadOnlyList<PointsEntry>>(tenant, l => l.ReturnSpendAsync(PointsSource.Redemption, cancel, "test", "cancelled"));
                }
                break;
            case LedgerOp.Adjust(var member, var points):
                await Refused(await tenant.Adjust($"m{member}", points, $"adj-{index}"));
                break;
            case LedgerOp.Night(var days):
                host.Time().Advance(TimeSpan.FromDays(days));
                var cutoff = host.Time().GetUtcNow();
                await host.WithAsync<PointsRelease, int>(tenant, r => r.RunAsync(cutoff, CancellationToken.None));
                await host.WithAsync<PointsExpiry, int>(tenant, e => e.RunAsync(cutoff, CancellationToken.None));
                break;
            default:
                throw new InvalidOperationException($"Unknown operation {op}.");
        }
    }

    private string? OrderAt(int n)
    {
        var count = Volatile.Read(ref _orderCount);
        return count > 0 && _orders.TryGetValue(n % count, out var id) ? id : null;
    }

    private async Task<decimal> OrderRemainderAsync(string orderId)
    {
        var order = await (await tenant.Client.GetAsync(tenant.Url($"orders/{orderId}"))).ShouldHaveStatus(HttpStatusCode.OK);
        var total = order["total"]!.GetValue<decimal>();
        var refunded = order["refundedTotal"]!.GetValue<decimal>();
        return total - refunded;
    }

    /// <summary>A refusal (over-refund, not enough points, a limit) is an answer; a server error is a failure.</summary>
    private static async Task Refused(HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500) throw new ShouldAssertException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Until the brand's outbox has nothing pending; a dead letter is a failure (a handler threw).</summary>
    private async Task WaitForHandlersAsync()
    {
        for (var i = 0; i < 1000; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var outbox = db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Where(m => m.TenantId == tenant.Id);
            var dead = await outbox.Where(m => m.DeadLetteredAt != null).Select(m => m.Type + ": " + m.LastError).FirstOrDefaultAsync();
            if (dead is not null) throw new ShouldAssertException($"A handler dead-lettered {dead}");
            if (!await outbox.AnyAsync(m => m.ProcessedAt == null)) return;
            await Task.Delay(10);
        }
        throw new ShouldAssertException("The outbox never drained.");
    }

    /// <summary>
    /// Each account equals the sums of its entries; pending is never negative; available is never negative unless the
    /// brand lets a refund take the balance below zero; and no lot gives out more than it holds.
    /// </summary>
    private async Task CheckAsync(string when)
    {
        try
        {
            await host.AssertAccountsMatchLedgerAsync(tenant);
        }
        catch (ShouldAssertException e)
        {
            throw new ShouldAssertException($"{when}: {e.Message}");
        }
        await using var scope = await host.ScopeAsync(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accounts = await db.PointsAccounts.AsNoTracking().ToListAsync();
        accounts.ShouldAllBe(a => a.Pending >= 0, when);
        if (scenario.ReturnPolicy != ReturnPolicy.ReverseFully) accounts.ShouldAllBe(a => a.Available >= 0, when);
        var entries = await db.PointsEntries.AsNoTracking().ToListAsync();
        var credits = entries.Where(e => e.LotId == null && e.AvailableDelta + e.PendingDelta > 0).Select(e => e.Id).ToHashSet();
        var overdrawn = entries.GroupBy(e => e.LotId ?? e.Id).Where(g => credits.Contains(g.Key))
            .Select(g => (Lot: g.Key, Available: g.Sum(e => e.AvailableDelta), Pending: g.Sum(e => e.PendingDelta)))
            .Where(l => l.Available < 0 || l.Pending < 0).ToList();
        overdrawn.ShouldBeEmpty($"{when}: lots overdrawn");
    }
}
