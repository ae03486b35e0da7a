using System.Text.Json;

namespace CommunitySaaS.Core.Idempotency;

/// <summary>What a replay gives back: the first answer's status, body and the headers that mean something about the result.</summary>
public sealed record IdempotentResponse(int StatusCode, string? ContentType, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>
    /// Headers about the result, repeated on a replay. Not the per-request ones (request id, date, rate limits) and
    /// never cookies: a replay answers another request and must not hand out the first caller's session.
    /// </summary>
    public static readonly IReadOnlySet<string> Replayed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Location", "Content-Location", "ETag", "Last-Modified", "Link",
    };

    public string? HeadersJson() => Headers.Count == 0 ? null : JsonSerializer.Serialize(Headers);

    public static IReadOnlyDictionary<string, string> HeadersOf(IdempotencyRecord record) =>
        record.ResponseHeaders is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(record.ResponseHeaders) ?? [];
}
