using Microsoft.AspNetCore.DataProtection;

namespace CommunitySaaS.Core.Stripe;

/// <summary>Encrypts a brand's Stripe keys; the purpose string isolates them from anything else the key ring protects.</summary>
public sealed class StripeSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CommunitySaaS.Stripe.Keys.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    public static string Last4(string value) => value.Length <= 4 ? value : value[^4..];
}
