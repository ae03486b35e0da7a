using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CommunitySaaS.Bench.Ingest;

namespace CommunitySaaS.Bench.Shared;

/// <summary>A brand created through the platform API of a running host, with a client holding its secret key.</summary>
internal sealed record BenchBrand(string Slug, string Id, HttpClient Client) : IDisposable
{
    public static async Task<BenchBrand> CreateAsync(string baseUrl, string slug, int maxConnections = 32)
    {
        using var platform = new HttpClient { BaseAddress = new Uri(baseUrl) };
        platform.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestBenchmark.PlatformKey);
        var response = await platform.PostAsJsonAsync("/api/v1/platform/tenants", new { slug, name = $"Bench {slug}", currency = "USD", timeZone = "UTC" });
        await EnsureAsync(response);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created["secretKey"]!["secret"]!.GetValue<string>());
        return new BenchBrand(slug, created["tenant"]!["id"]!.GetValue<string>(), client);
    }

    public string Url(string path) => $"/api/v1/{Slug}/{path.TrimStart('/')}";

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, Url(path)) { Content = JsonContent.Create(body) };
        var response = await Client.SendAsync(request);
        await EnsureAsync(response);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject();
    }

    /// <summary>A set-up call that failed stops the bench with what the host answered.</summary>
    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}"));
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1 with <paramref name="parallel"/> at once.</summary>
    public static Task ForEachAsync(int count, int parallel, Func<int, Task> work) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) => await work(i));

    public void Dispose() => Client.Dispose();
}
