using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CommunitySaaS.Core.Common;

/// <summary>A stable fingerprint of a request, to tell a true replay from a different request under the same key.</summary>
public static class RequestHash
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string OfValue<T>(T value) => OfBytes(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public static string OfText(string text) => OfBytes(Encoding.UTF8.GetBytes(text));
}
