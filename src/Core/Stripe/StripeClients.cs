using Microsoft.EntityFrameworkCore;
using CommunitySaaS.Core.Persistence;
using global::Stripe;

namespace CommunitySaaS.Core.Stripe;

/// <summary>A <see cref="IStripeClient"/> for the current brand's secret key, on the configured API base.</summary>
public sealed class StripeClients(AppDbContext db, StripeSecrets secrets, StripeOptions options, StripeHttp http)
{
    public IStripeClient For(string secretKey) =>
        new StripeClient(secretKey, httpClient: http.Client, apiBase: options.ApiBase.TrimEnd('/'));

    /// <summary>Null when the brand has not set up Stripe.</summary>
    public async Task<IStripeClient?> ForCurrentTenantAsync(CancellationToken ct)
    {
        var settings = await db.Set<StripeSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        return settings is null ? null : For(secrets.Unprotect(settings.SecretKeyCipher));
    }
}
