using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>One host per test class per provider: the same suite runs on SQLite and on a real PostgreSQL server.</summary>
public sealed class SqliteHost() : TestHost(DatabaseProvider.Sqlite);

public sealed class PostgresHost() : TestHost(DatabaseProvider.Postgres);

/// <summary>A host whose clock stands still until the test advances it.</summary>
public sealed class FakeClockSqliteHost() : TestHost(DatabaseProvider.Sqlite, clock: new FakeTimeProvider(FakeClock.Start));

public sealed class FakeClockPostgresHost() : TestHost(DatabaseProvider.Postgres, clock: new FakeTimeProvider(FakeClock.Start));

public static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Time(this TestHost host) =>
        host.Clock as FakeTimeProvider ?? throw new InvalidOperationException("This host runs on the system clock.");
}
