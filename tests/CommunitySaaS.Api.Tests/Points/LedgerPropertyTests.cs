using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>
/// The cached balance rows are allowed only because of these: random histories of earning (orders, activities), release,
/// redemption and its cancellation, refunds under each return policy, adjustments both ways and nightly expiry at
/// advancing fake times keep every account equal to the sums of its entries, available never below zero unless the
/// return policy lets a refund take it there, and no lot giving out more than it holds.
/// </summary>
public abstract class LedgerPropertyTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Accounts_EqualTheLedgerSums_AfterEveryOperationOfRandomHistories()
    {
        var property = Prop.ForAll(LedgerScenario.Arbitrary(5, 25), scenario => Play(scenario, player => player.PlayInOrderAsync()));

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(12).WithQuietOnSuccess(true), property));
    }

    protected bool Play(LedgerScenario scenario, Func<LedgerPlayer, Task> play) =>
        Task.Run(async () =>
        {
            await play(await LedgerPlayer.StartAsync(host, scenario));
            return true;
        }).GetAwaiter().GetResult();
}

public sealed class LedgerPropertyTestsOnSqlite(FakeClockSqliteHost host) : LedgerPropertyTests<FakeClockSqliteHost>(host);

public sealed class LedgerPropertyTestsOnPostgres(FakeClockPostgresHost host) : LedgerPropertyTests<FakeClockPostgresHost>(host)
{
    private readonly FakeClockPostgresHost _host = host;

    [Fact]
    public async Task Accounts_EqualTheLedgerSums_WhenRandomHistoriesRunFromFourTasksAtOnce()
    {
        var property = Prop.ForAll(LedgerScenario.Arbitrary(20, 40), scenario => Play(scenario, player => player.PlayConcurrentlyAsync(workers: 4)));

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(10).WithQuietOnSuccess(true), property));
    }
}
