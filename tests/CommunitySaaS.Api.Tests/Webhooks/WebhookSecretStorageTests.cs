using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CommunitySaaS.Api.Tests.Infrastructure;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace CommunitySaaS.Api.Tests.Webhooks;

/// <summary>Signing secrets at rest: protected in the database, read only to sign; legacy plain rows keep signing until the backfill protects them.</summary>
public abstract class WebhookSecretStorageTests<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    [Fact]
    public async Task Create_StoresOnlyTheProtectedSecret_AndTheDeliveryVerifiesWithTheShownOne()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("created"), "*");

        var raw = await host.RawSecretsOf(endpoint.Id);
        raw.ShouldNotHold(endpoint.Secret);
        raw.PreviousSecret.ShouldBeNull();
        host.Unprotect(raw.Secret).ShouldBe(endpoint.Secret);

        await tenant.Ping(endpoint.Id);
        var received = (await receiver.WaitForAsync("created", 1)).ShouldHaveSingleItem();
        new StandardWebhook(endpoint.Secret).Verify(received.Body, received.Headers());
    }

    [Fact]
    public async Task Rotate_StoresBothSecretsProtected_AndBothSignaturesVerifyDuringTheOverlap()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("rotated"), "*");
        var newSecret = await tenant.RotateSecret(endpoint.Id, 24);

        var raw = await host.RawSecretsOf(endpoint.Id);
        raw.ShouldNotHold(endpoint.Secret, newSecret);
        host.Unprotect(raw.Secret).ShouldBe(newSecret);
        host.Unprotect(raw.PreviousSecret!).ShouldBe(endpoint.Secret);

        await tenant.Ping(endpoint.Id);
        var received = (await receiver.WaitForAsync("rotated", 1)).ShouldHaveSingleItem();
        received.ShouldVerifyWithEach(newSecret, endpoint.Secret);
    }

    [Fact]
    public async Task Backfill_ProtectsALegacyPlainRow_AndDeliveriesVerifyBeforeAndAfter()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("legacy"), "*");
        var newSecret = await tenant.RotateSecret(endpoint.Id, 24);
        await host.SetRawSecrets(endpoint.Id, newSecret, endpoint.Secret);

        await tenant.Ping(endpoint.Id);
        (await receiver.WaitForAsync("legacy", 1)).ShouldHaveSingleItem().ShouldVerifyWithEach(newSecret, endpoint.Secret);

        var backfill = host.Services.GetRequiredService<WebhookSecretBackfill>();
        (await backfill.RunAsync()).ShouldBe(2);
        var raw = await host.RawSecretsOf(endpoint.Id);
        raw.ShouldNotHold(newSecret, endpoint.Secret);
        host.Unprotect(raw.Secret).ShouldBe(newSecret);
        host.Unprotect(raw.PreviousSecret!).ShouldBe(endpoint.Secret);
        (await backfill.RunAsync()).ShouldBe(0, "a second run finds nothing left to protect");

        await tenant.Ping(endpoint.Id);
        (await receiver.WaitForAsync("legacy", 2))[1].ShouldVerifyWithEach(newSecret, endpoint.Secret);
    }

    [Fact]
    public async Task Delivery_FailsWithAClearErrorAndSendsNothing_WhenTheSecretWasProtectedByAnotherKeyRing()
    {
        await using var receiver = new WebhookReceiver();
        var tenant = await host.CreateTenantAsync();
        var endpoint = await tenant.CreateEndpoint(receiver.Url("foreign"), "*");
        var otherApp = new EphemeralDataProtectionProvider().CreateProtector(WebhookSecrets.Purpose);
        var stored = (await host.RawSecretsOf(endpoint.Id)).Secret;
        Should.Throw<CryptographicException>(() => otherApp.Unprotect(stored), "another key ring cannot read our secret");
        await host.SetRawSecrets(endpoint.Id, otherApp.Protect(endpoint.Secret), null);

        var delivery = await tenant.Ping(endpoint.Id);
        await WebhookScenario.WaitUntil(async () => (await host.StoredDeliveries(endpoint.Id)).Single().LastError is not null, "the failed attempt");
        await (await tenant.Client.PatchAsync(tenant.Url($"webhook-endpoints/{endpoint.Id}"), JsonContent.Create(new { enabled = false }))).ShouldHaveStatus(HttpStatusCode.OK);

        var failed = (await host.StoredDeliveries(endpoint.Id)).Single();
        failed.Id.ShouldBe(delivery);
        failed.Status.ShouldNotBe(WebhookDeliveryStatus.Delivered);
        failed.LastError!.ShouldContain("signing secret cannot be read with this node's Data Protection key ring");
        failed.ResponseStatus.ShouldBeNull();
        receiver.At("foreign").ShouldBeEmpty();
    }
}

public sealed class WebhookSecretStorageTestsOnSqlite(WebhookSqliteHost host) : WebhookSecretStorageTests<WebhookSqliteHost>(host);

public sealed class WebhookSecretStorageTestsOnPostgres(WebhookPostgresHost host) : WebhookSecretStorageTests<WebhookPostgresHost>(host);
