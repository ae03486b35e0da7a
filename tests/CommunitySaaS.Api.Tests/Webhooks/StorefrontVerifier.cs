namespace CommunitySaaS.Api.Tests.Webhooks;

// The README's C# snippet, verbatim between the markers: WebhookReadmeTests fails when the two differ, and the delivery
// tests check real deliveries with it.
// readme:begin
public static class WebhookVerifier
{
    /// <summary>True when the body was signed with the endpoint's secret (whsec_...) within the last five minutes.</summary>
    public static bool Verify(string secret, string id, string timestamp, string signatures, string body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300) return false;
        var key = Convert.FromBase64String(secret.StartsWith("whsec_") ? secret[6..] : secret);
        var expected = System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var signature in signatures.Split(' '))
        {
            var parts = signature.Split(',', 2);
            if (parts.Length != 2 || parts[0] != "v1") continue;
            var given = new byte[32];
            if (Convert.TryFromBase64String(parts[1], given, out var length) && length == 32
                && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected)) return true;
        }
        return false;
    }
}
// readme:end
