using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Signing secrets at rest: protected with the platform's key ring (<see cref="Persistence.SecretKeyRing"/>, the Stripe
/// keys' too) under their own purpose, so a database dump alone cannot sign. A stored value that starts with
/// <c>whsec_</c> is a legacy plain secret from before protection (a protected value never does: it starts with Data
/// Protection's magic header): it still signs until <see cref="WebhookSecretBackfill"/> protects it.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Purpose = "CommunitySaaS.Webhooks.Secret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public static bool IsLegacyPlain(string stored) => stored.StartsWith(WebhookSignature.SecretPrefix, StringComparison.Ordinal);

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>A stored value as it must be stored: a legacy plain one protected, a protected one unchanged.</summary>
    public string Seal(string stored) => IsLegacyPlain(stored) ? Protect(stored) : stored;

    /// <summary>The secret itself, for signing only; what this key ring cannot read is refused, never used as a key.</summary>
    internal string Reveal(string stored)
    {
        if (IsLegacyPlain(stored)) return stored;
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            throw new WebhookSecretUnreadableException(ex);
        }
    }
}

internal sealed class WebhookSecretUnreadableException(Exception inner) : Exception(
    "Not sent: the endpoint's signing secret cannot be read with this node's Data Protection key ring "
    + "(is this node configured with another key ring or application name?); it is retried like any failure.", inner);
