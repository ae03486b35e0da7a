using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>Backfills racing on one PostgreSQL database (as two nodes starting together would): each legacy secret is protected once, and still reads back.</summary>
public sealed class WebhookSecretBackfillRaceTests(WebhookPostgresHost host) : IClassFixture<WebhookPostgresHost>
{
    [Fact]
    public async Task Backfill_ProtectsEachLegacySecretOnce_When20RunAtOnce()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var legacy = new List<(string Id, string Secret, string Previous)>();
        for (var i = 0; i < 12; i++)
        {
            var endpoint = await tenant.CreateEndpoint(receiver.Url($"race/{i}"), "*");
            var previous = WebhookSignature.NewSecret();
            await host.SetRawSecrets(endpoint.Id, endpoint.Secret, previous);
            legacy.Add((endpoint.Id, endpoint.Secret, previous));
        }
        var backfill = host.Services.GetRequiredService<WebhookSecretBackfill>();

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => backfill.RunAsync())));

        counts.Sum().ShouldBe(legacy.Count * 2, "each column is protected by exactly one of the racing runs");
        foreach (var (id, secret, previous) in legacy)
        {
            var raw = await host.RawSecretsOf(id);
            raw.ShouldNotHold(secret, previous);
            host.Unprotect(raw.Secret).ShouldBe(secret);
            host.Unprotect(raw.PreviousSecret!).ShouldBe(previous);
        }
        await tenant.Ping(legacy[0].Id);
        (await receiver.WaitForAsync("race/0", 1)).ShouldHaveSingleItem().ShouldVerifyWithEach(legacy[0].Secret);
    }
}
