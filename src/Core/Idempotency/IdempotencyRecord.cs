using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Idempotency;

/// <summary>
/// The stored outcome of a request made under an <c>Idempotency-Key</c>. Global because the key is
/// checked before the handler runs; <see cref="Scope"/> (the caller's tenant or the platform) keeps
/// one brand's keys apart from another's.
/// </summary>
public sealed class IdempotencyRecord : IGlobalEntity
{
    public long Id { get; init; }
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public byte[]? ResponseBody { get; set; }

    /// <summary>The first answer's headers a replay must repeat (<c>Location</c> above all), as a JSON object of name to value.</summary>
    public string? ResponseHeaders { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
