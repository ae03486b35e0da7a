using System.Diagnostics;

namespace CommunitySaaS.Testing;

/// <summary>
/// What the tests need from Debian (the PostgreSQL server, Chromium): found if present, else installed with
/// apt-get as root. Also the one way the harness runs a command.
/// </summary>
public static class DebianPackages
{
    /// <summary>Returns what <paramref name="find"/> finds, installing <paramref name="package"/> first when it finds nothing.</summary>
    public static T Ensure<T>(string package, Func<T?> find) where T : class
    {
        if (find() is { } found) return found;
        if (Environment.UserName != "root") throw new InvalidOperationException($"{package} is not installed; run: sudo apt-get install -y {package}");
        // Two test projects may install at once on a fresh machine: wait for dpkg's lock rather than fail.
        Run("apt-get", "-o DPkg::Lock::Timeout=600 update -qq");
        Run("apt-get", $"-o DPkg::Lock::Timeout=600 install -y -qq {package}");
        return find() ?? throw new InvalidOperationException($"apt-get installed {package} but what the tests need from it is still missing.");
    }

    /// <summary>
    /// Runs a command to completion and throws with its output when it fails. It runs in the temporary folder,
    /// which every user can enter (commands run as the postgres user cannot read the repository's folder).
    /// </summary>
    public static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}
