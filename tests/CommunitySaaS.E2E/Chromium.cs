using System.Diagnostics;

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

    public static string Ensure()
    {
        if (File.Exists(Path)) return Path;
        if (Environment.UserName != "root") throw new InvalidOperationException("chromium is not installed; run: sudo apt-get install -y chromium");
        Run("apt-get", "-o DPkg::Lock::Timeout=600 update -qq");
        Run("apt-get", "-o DPkg::Lock::Timeout=600 install -y -qq chromium");
        return File.Exists(Path) ? Path : throw new InvalidOperationException("apt-get installed chromium but /usr/bin/chromium is missing.");
    }

    private static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {stderr.Result}");
    }
}
