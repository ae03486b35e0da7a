using System.Net.Http.Headers;
using System.Net.Http.Json;
using CommunitySaaS.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunitySaaS.Testing;

/// <summary>
/// The real host through WebApplicationFactory on a fresh database of the given provider: real HTTP
/// pipeline, real SQLite file or real PostgreSQL database, migrations applied at start as in production.
/// </summary>
public class TestHost : WebApplicationFactory<Program>
{
    public const string PlatformKey = "platform_test_key_0123456789abcdef0123";

    private readonly Dictionary<string, string?> _settings;

    /// <param name="clock">
    /// The host's <see cref="TimeProvider"/> instead of the system clock, e.g. a FakeTimeProvider, so a test moves time
    /// (expiry, takeover after a timeout) instead of waiting for it.
    /// </param>
    public TestHost(DatabaseProvider provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        Provider = provider;
        Clock = clock;
        ConnectionString = provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(Path.GetTempPath(), $"csaas-test-{Guid.NewGuid():N}.db")}",
            DatabaseProvider.Postgres => PostgresServer.Instance.CreateDatabase(),
            _ => throw new NotSupportedException($"{provider} cannot run on this machine."),
        };
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:Seed"] = "false",
            ["Platform:ApiKey"] = PlatformKey,
            ["RateLimits:PerKeyPerSecond"] = "100000",
            ["Roles"] = "Api,Admin,Jobs",
            ["Jobs:Workers"] = "1",
        };
        // A null value drops the harness's default, so the shipped appsettings decide (as on a real deploy).
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null) _settings.Remove(key);
            else _settings[key] = value;
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public TimeProvider? Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads configuration while building services,
        // before configuration callbacks of a minimal-hosting factory would apply.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // Outside Development the console's static files (MudBlazor, blazor.web.js) are found only through
        // the build's static web assets manifest; browser tests need them.
        builder.UseStaticWebAssets();
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    /// <summary>Once the host is down: closes its PostgreSQL pool, or removes its SQLite file (and its WAL and shared-memory files).</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Provider == DatabaseProvider.Postgres)
        {
            using var pooled = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
        if (Provider != DatabaseProvider.Sqlite) return;
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
    }

    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient PlatformClient() => ClientWithKey(PlatformKey);

    /// <summary>Creates a brand through the platform API; returns its slug and a client holding its first secret key.</summary>
    public async Task<TestTenant> CreateTenantAsync(string? slug = null, string currency = "USD")
    {
        slug ??= $"b{Guid.NewGuid():N}"[..12];
        using var platform = PlatformClient();
        var response = await platform.PostAsJsonAsync("/api/v1/platform/tenants", new { slug, name = $"Brand {slug}", currency, timeZone = "UTC", returnWindowDays = 14 });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedTenantDto>() ?? throw new InvalidOperationException("Empty tenant response.");
        return new TestTenant(slug, created.Tenant.Id, created.SecretKey.Secret, ClientWithKey(created.SecretKey.Secret));
    }

    private sealed record CreatedTenantDto(TenantDto Tenant, KeyDto SecretKey);

    private sealed record TenantDto(string Id);

    private sealed record KeyDto(string Secret);
}

public sealed record TestTenant(string Slug, string Id, string SecretKey, HttpClient Client)
{
    public string Url(string path) => $"/api/v1/{Slug}/{path.TrimStart('/')}";
}
