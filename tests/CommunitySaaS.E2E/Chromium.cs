using CommunitySaaS.Testing;

namespace CommunitySaaS.E2E;

/// <summary>
/// Debian's chromium, installed with apt-get when missing (Playwright's own browser download cannot reach
/// the network here). The flags keep it from trying to reach the closed network in the background.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static string Ensure() => DebianPackages.Ensure("chromium", () => File.Exists(Path) ? Path : null);
}
