using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>Hosts that may deliver to the tests' loopback receivers: http and private targets allowed by the explicit switch, short timeouts.</summary>
public static class WebhookSettings
{
    public static Dictionary<string, string?> Loopback(string? roles = null) => new()
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:TimeoutSeconds"] = "2",
        ["Webhooks:FirstRetrySeconds"] = "0.2",
        ["Webhooks:PollSeconds"] = "0.1",
        ["Outbox:PollSeconds"] = "0.2",
        ["Roles"] = roles ?? "Api,Admin,Jobs",
    };
}

public sealed class WebhookSqliteHost() : TestHost(DatabaseProvider.Sqlite, WebhookSettings.Loopback());

public sealed class WebhookPostgresHost() : TestHost(DatabaseProvider.Postgres, WebhookSettings.Loopback());

/// <summary>No worker (no Jobs role): the test steps deliveries itself, on a clock it moves.</summary>
public sealed class WebhookFakeClockSqliteHost() : TestHost(DatabaseProvider.Sqlite, WebhookSettings.Loopback("Api,Admin"), new FakeTimeProvider(FakeClock.Start));

public sealed class WebhookFakeClockPostgresHost() : TestHost(DatabaseProvider.Postgres, WebhookSettings.Loopback("Api,Admin"), new FakeTimeProvider(FakeClock.Start));

/// <summary>The guard on: https only, public addresses only (the production defaults), but the loopback receiver's http allowed.</summary>
public sealed class GuardedSqliteHost() : TestHost(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Webhooks:AllowHttp"] = "true" });
