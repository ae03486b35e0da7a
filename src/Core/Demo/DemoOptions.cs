namespace CommunitySaaS.Core.Demo;

/// <summary>The <c>Demo</c> section: the seeded brand that the embedded default starts with.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; } = true;
    public string Slug { get; set; } = "demo";

    /// <summary>A fixed key, so the printed demo key keeps working across restarts. Never enable the demo in production.</summary>
    public string SecretKey { get; set; } = "sk_demo_000000000000000000000000000000000000demo";

    /// <summary>The password of every demo console user (see <see cref="DemoUsers"/>), printed at start.</summary>
    public string UserPassword { get; set; } = "DemoPass2026";
}
