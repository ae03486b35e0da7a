namespace CommunitySaaS.Core.Demo;

/// <summary>The <c>Demo</c> section: the seeded brand that the embedded default starts with.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Off unless set: appsettings.Development.json turns it on for the run command; anywhere else it takes an explicit <c>Demo:Seed=true</c>.</summary>
    public bool Seed { get; set; }
    public string Slug { get; set; } = "demo";

    /// <summary>A fixed key, so the printed demo key keeps working across restarts. It exists only where the demo is seeded.</summary>
    public string SecretKey { get; set; } = "sk_demo_000000000000000000000000000000000000demo";

    /// <summary>The password of every demo console user (see <see cref="DemoUsers"/>), printed at start.</summary>
    public string UserPassword { get; set; } = "DemoPass2026";
}
