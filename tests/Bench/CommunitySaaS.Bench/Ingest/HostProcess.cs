using System.Diagnostics;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Bench.Ingest;

/// <summary>
/// The real host (the Release build of src/Api) as its own process on Kestrel on loopback, so its
/// throughput and peak working set are measured apart from the load generator.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public static async Task<HostProcess> StartAsync(IDictionary<string, string> settings, string workingDirectory)
    {
        var dll = Path.Combine(RepoRoot(), "src", "Api", "bin", "Release", "net10.0", "CommunitySaaS.Api.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the host first: dotnet build -c Release src/Api", dll);
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(dll);
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  host: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        await host.WaitReadyAsync();
        return host;
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}.");
            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The host did not become ready in 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunitySaaS.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
