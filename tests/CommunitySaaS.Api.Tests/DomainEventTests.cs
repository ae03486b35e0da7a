using System.Net;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Events;

namespace CommunitySaaS.Api.Tests;

public abstract class DomainEventTests<THost>(THost host) : IClassFixture<THost> where THost : EventRecordingHost
{
    [Fact]
    public async Task OrderPaid_IsDeliveredOnce_WhenTheOrderIsPostedTwice()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        var order = await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostJson(tenant.Url("orders"), Storefront.Order("o-1", "m1"))).ShouldHaveStatus(HttpStatusCode.OK);

        var paid = await host.WaitFor<OrderPaid>(e => e.TenantId == tenant.Id, 1);
        await Task.Delay(300);
        host.Delivered.OfType<OrderPaid>().Count(e => e.TenantId == tenant.Id).ShouldBe(1);
        paid.Single().OrderId.ShouldBe(order["id"]!.GetValue<string>());
        paid.Single().TotalMinor.ShouldBe(2500);
        paid.Single().Currency.ShouldBe("USD");
        paid.Single().AggregateId.ShouldBe(order["id"]!.GetValue<string>());
        paid.Single().Sequence.ShouldBe(1);
    }

    [Fact]
    public async Task FulfilAndRefund_AreDelivered_WithTheRefundedLines()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await (await tenant.Client.PostAsync(tenant.Url("orders/o-1/fulfill"), null)).ShouldHaveStatus(HttpStatusCode.OK);
        await (await tenant.Client.PostJson(tenant.Url("orders/o-1/refunds"), new { refundId = "r-1", lines = new[] { new { lineNumber = 2, quantity = 1 } } }))
            .ShouldHaveStatus(HttpStatusCode.Created);

        (await host.WaitFor<OrderFulfilled>(e => e.TenantId == tenant.Id, 1)).Single().Sequence.ShouldBe(2);
        var refunded = (await host.WaitFor<OrderRefunded>(e => e.TenantId == tenant.Id, 1)).Single();
        refunded.AmountMinor.ShouldBe(500);
        refunded.FullyRefunded.ShouldBeFalse();
        refunded.Lines.Single().ShouldBe(new RefundedLine(2, 1, 500, RefundedQuantity: 1, RefundedMinor: 500, LineQuantity: 1, PaidMinor: 500));
        refunded.OrderRefundedMinor.ShouldBe(500);
        refunded.OrderTotalMinor.ShouldBe(2500);
        refunded.Sequence.ShouldBe(3);
    }
}

public sealed class DomainEventTestsOnSqlite(SqliteEventsHost host) : DomainEventTests<SqliteEventsHost>(host);

public sealed class DomainEventTestsOnPostgres(PostgresEventsHost host) : DomainEventTests<PostgresEventsHost>(host);

/// <summary>A host where another handler of order.paid times out (TaskCanceledException) on its first call per event.</summary>
public abstract class TimingOutHandlerHost(Core.Persistence.DatabaseProvider provider) : EventRecordingHost(provider)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:BackoffSeconds", "0.2");
        builder.UseSetting("Outbox:PollSeconds", "0.2");
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IDomainEventHandler<OrderPaid>, TimesOutOnce>(services));
    }

    private sealed class TimesOutOnce : IDomainEventHandler<OrderPaid>
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _seen = new();

        public Task HandleAsync(OrderPaid domainEvent, CancellationToken ct) =>
            _seen.TryAdd(domainEvent.EventId, true) ? throw new TaskCanceledException("HttpClient.Timeout elapsed") : Task.CompletedTask;
    }
}

public sealed class SqliteTimingOutHost() : TimingOutHandlerHost(Core.Persistence.DatabaseProvider.Sqlite);

public sealed class PostgresTimingOutHost() : TimingOutHandlerHost(Core.Persistence.DatabaseProvider.Postgres);

public abstract class HandlerTimeoutTests<THost>(THost host) : IClassFixture<THost> where THost : TimingOutHandlerHost
{
    [Fact]
    public async Task OrderPaid_IsDeliveredOnceToEachHandler_WhenAnotherHandlerTimedOut()
    {
        var tenant = await host.CreateTenantAsync();
        await tenant.UpsertMember("m1");
        await tenant.PlaceOrder("o-1", "m1");
        await tenant.PlaceOrder("o-2", "m1");

        (await host.WaitFor<OrderPaid>(e => e.TenantId == tenant.Id, 2)).Length.ShouldBe(2);
        await Task.Delay(800);
        host.Delivered.OfType<OrderPaid>().Count(e => e.TenantId == tenant.Id).ShouldBe(2);
    }
}

public sealed class HandlerTimeoutTestsOnSqlite(SqliteTimingOutHost host) : HandlerTimeoutTests<SqliteTimingOutHost>(host);

public sealed class HandlerTimeoutTestsOnPostgres(PostgresTimingOutHost host) : HandlerTimeoutTests<PostgresTimingOutHost>(host);
