using Npgsql;

namespace CommunitySaaS.Testing;

/// <summary>
/// A throwaway PostgreSQL server for this process: Debian's binaries (installed with apt-get if missing),
/// <c>initdb</c> into a temporary folder and <c>pg_ctl</c> on a free loopback port, removed at exit.
/// initdb refuses to run as root, so as root it runs as the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(() => Start(durable: false), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _dataDir;
    private int _databases;

    private PostgresServer(string bin, string dataDir, int port)
    {
        _bin = bin;
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>The process-wide server for tests (fsync off: a test database need not survive a power cut).</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>
    /// A new empty database; returns its connection string. Idle connections close within seconds: hundreds of
    /// test databases each keeping a warm pool for Npgsql's default five minutes exhaust the server's connections.
    /// </summary>
    public string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Maximum Pool Size=50;Connection Idle Lifetime=3;Connection Pruning Interval=1";
    }

    /// <summary>Starts a server; <paramref name="durable"/> keeps fsync on, as benchmarks that compare with production need.</summary>
    public static PostgresServer Start(bool durable)
    {
        var bin = DebianPackages.Ensure("postgresql", FindBinaries);
        var asRoot = Environment.UserName == "root";
        var dataDir = Path.Combine(Path.GetTempPath(), $"csaas-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        if (asRoot) DebianPackages.Run("chown", $"postgres:postgres {dataDir}");
        DebianPackages.Run(Tool(bin, "initdb", asRoot), $"{Args(bin, "initdb", asRoot)}-D {dataDir} -A trust -U postgres --no-sync -E UTF8");
        var port = LoopbackPort.Free();
        var options = $"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c max_connections=400" + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        DebianPackages.Run(Tool(bin, "pg_ctl", asRoot), $"{Args(bin, "pg_ctl", asRoot)}-D {dataDir} -l {dataDir}/server.log -o \"{options}\" -w -t 60 start");
        var server = new PostgresServer(bin, dataDir, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    public void Stop()
    {
        var asRoot = Environment.UserName == "root";
        try
        {
            DebianPackages.Run(Tool(_bin, "pg_ctl", asRoot), $"{Args(_bin, "pg_ctl", asRoot)}-D {_dataDir} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder still goes.
        }
        if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
    }

    private static string Tool(string bin, string name, bool asRoot) => asRoot ? "runuser" : Path.Combine(bin, name);

    private static string Args(string bin, string name, bool asRoot) => asRoot ? $"-u postgres -- {Path.Combine(bin, name)} " : "";

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d)
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
}
