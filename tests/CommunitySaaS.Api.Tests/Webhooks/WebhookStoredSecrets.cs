using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Webhooks;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Api.Tests.Webhooks;

public sealed record RawSecrets(string Secret, string? PreviousSecret);

/// <summary>The secret columns as the database holds them, read and written with plain SQL (what a dump would show).</summary>
public static class WebhookStoredSecrets
{
    public static async Task<RawSecrets> RawSecretsOf(this TestHost host, string endpointId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.SqlQuery<RawSecrets>($"""SELECT "Secret", "PreviousSecret" FROM "WebhookEndpoints" WHERE "Id" = {endpointId}""").SingleAsync();
    }

    /// <summary>Puts values into the columns as they are: a legacy plain row, or another key ring's ciphertext.</summary>
    public static async Task SetRawSecrets(this TestHost host, string endpointId, string secret, string? previousSecret)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Database.ExecuteSqlAsync($"""UPDATE "WebhookEndpoints" SET "Secret" = {secret}, "PreviousSecret" = {previousSecret} WHERE "Id" = {endpointId}"""))
            .ShouldBe(1);
    }

    /// <summary>What the host's key ring reads from a stored value (the test's own reader, for comparison only).</summary>
    public static string Unprotect(this TestHost host, string stored) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSecrets.Purpose).Unprotect(stored);

    /// <summary>Neither column holds the secret, its key (the part after <c>whsec_</c>), nor a legacy plain value.</summary>
    public static void ShouldNotHold(this RawSecrets raw, params string[] secrets)
    {
        foreach (var value in new[] { raw.Secret, raw.PreviousSecret }.OfType<string>())
        {
            WebhookSecrets.IsLegacyPlain(value).ShouldBeFalse();
            foreach (var secret in secrets)
            {
                value.ShouldNotContain(secret[WebhookSignature.SecretPrefix.Length..]);
            }
        }
    }
}
