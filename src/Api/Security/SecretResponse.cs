namespace CommunitySaaS.Api.Security;

/// <summary>Marks an endpoint whose response carries a secret (a new API key, a webhook signing secret): never stored by a cache.</summary>
public sealed class SecretResponseMetadata
{
    public static readonly SecretResponseMetadata Instance = new();

    private SecretResponseMetadata()
    {
    }
}

public static class SecretResponseExtensions
{
    /// <summary>The response (replays by <c>Idempotency-Key</c> included) gets <c>Cache-Control: no-store</c>.</summary>
    public static TBuilder WithSecretResponse<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SecretResponseMetadata.Instance);
}
