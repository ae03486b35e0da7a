namespace CommunitySaaS.Api.Idempotency;

/// <summary>
/// Both refusals are 409 (the key is taken), told apart by <c>type</c>: a client retries an in-flight key later with the
/// same body, but must never retry a reused key, which needs a new key.
/// </summary>
public static class IdempotencyProblems
{
    public const string KeyReused = "urn:communitysaas:problem:idempotency-key-reused";
    public const string InFlight = "urn:communitysaas:problem:idempotency-request-in-flight";
    public const string InvalidKey = "urn:communitysaas:problem:idempotency-key-invalid";
}
