using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using global::Stripe;

namespace CommunitySaaS.Core.Stripe;

/// <summary>The current brand's Stripe keys: stored encrypted, shown by their last four characters, checked against Stripe.</summary>
public sealed class StripeSettingsService(AppDbContext db, StripeSecrets secrets, StripeClients clients, TimeProvider time)
{
    public async Task<StripeSettingsView> GetAsync(CancellationToken ct = default) =>
        View(await db.Set<StripeSettings>().AsNoTracking().FirstOrDefaultAsync(ct));

    public async Task<ServiceResult<StripeSettingsView>> PutAsync(PutStripeSettings body, CancellationToken ct = default)
    {
        var live = body.SecretKey.Contains("_live_", StringComparison.Ordinal);
        if (live != body.PublishableKey.StartsWith("pk_live_", StringComparison.Ordinal))
            return ServiceResult<StripeSettingsView>.Invalid("publishableKey", "publishableKey and secretKey must both be test keys or both live keys.");
        var settings = await db.Set<StripeSettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new StripeSettings();
            db.Add(settings);
        }
        settings.SecretKeyCipher = secrets.Protect(body.SecretKey);
        settings.WebhookSecretCipher = secrets.Protect(body.WebhookSecret);
        settings.PublishableKeyCipher = secrets.Protect(body.PublishableKey);
        settings.SecretKeyLast4 = StripeSecrets.Last4(body.SecretKey);
        settings.WebhookSecretLast4 = StripeSecrets.Last4(body.WebhookSecret);
        settings.PublishableKeyLast4 = StripeSecrets.Last4(body.PublishableKey);
        settings.LiveMode = live;
        settings.UpdatedAt = time.GetUtcNow();
        settings.CheckedAt = null;
        settings.CheckOk = null;
        await db.SaveChangesAsync(ct);
        return ServiceResult<StripeSettingsView>.Ok(View(settings));
    }

    /// <summary>Asks Stripe for the account's balance with the stored key: the cheapest call every valid key may make.</summary>
    public async Task<ServiceResult<StripeCheckResult>> CheckAsync(CancellationToken ct = default)
    {
        var settings = await db.Set<StripeSettings>().FirstOrDefaultAsync(ct);
        if (settings is null) return ServiceResult<StripeCheckResult>.NotFound("Stripe is not set up for this brand: PUT settings/stripe first.");
        var now = time.GetUtcNow();
        StripeCheckResult result;
        try
        {
            var balance = await new BalanceService(clients.For(secrets.Unprotect(settings.SecretKeyCipher))).GetAsync(cancellationToken: ct);
            var live = balance.Livemode;
            result = live == settings.LiveMode
                ? new StripeCheckResult(true, $"The key works ({(live ? "live" : "test")} mode).", now)
                : new StripeCheckResult(false, $"The key works but is a {(live ? "live" : "test")} key, unlike the publishable key.", now);
        }
        catch (StripeException ex)
        {
            result = new StripeCheckResult(false, $"Stripe refused the key: {ex.StripeError?.Message ?? ex.Message}", now);
        }
        catch (HttpRequestException ex)
        {
            result = new StripeCheckResult(false, $"Stripe could not be reached: {ex.Message}", now);
        }
        settings.CheckedAt = now;
        settings.CheckOk = result.Ok;
        await db.SaveChangesAsync(ct);
        return ServiceResult<StripeCheckResult>.Ok(result);
    }

    private static StripeSettingsView View(StripeSettings? s) => s is null
        ? new StripeSettingsView(false, false, null, null, null, null, null, null)
        : new StripeSettingsView(true, s.LiveMode, s.SecretKeyLast4, s.WebhookSecretLast4, s.PublishableKeyLast4, s.UpdatedAt, s.CheckedAt, s.CheckOk);
}
