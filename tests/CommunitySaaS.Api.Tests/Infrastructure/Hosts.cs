using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Infrastructure;

/// <summary>One host per test class per provider: the same suite runs on SQLite and on a real PostgreSQL server.</summary>
public sealed class SqliteHost() : TestHost(DatabaseProvider.Sqlite);

public sealed class PostgresHost() : TestHost(DatabaseProvider.Postgres);
