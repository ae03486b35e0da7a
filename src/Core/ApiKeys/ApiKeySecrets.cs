using System.Security.Cryptography;
using System.Text;

namespace CommunitySaaS.Core.ApiKeys;

/// <summary>Key material: generation, the stored hash, and the short hint shown in lists.</summary>
public static class ApiKeySecrets
{
    public static string Prefix(ApiKeyKind kind) => kind == ApiKeyKind.Secret ? "sk_" : "pk_";

    public static string Generate(ApiKeyKind kind) =>
        Prefix(kind) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Hint(string key) => $"{key[..3]}…{key[^4..]}";

    public static bool LooksLikeKey(string value) =>
        value.Length is > 10 and <= 200 && (value.StartsWith("sk_", StringComparison.Ordinal) || value.StartsWith("pk_", StringComparison.Ordinal));
}
