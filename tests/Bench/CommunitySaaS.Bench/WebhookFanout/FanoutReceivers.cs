using System.Collections.Concurrent;
using System.Text.Json;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Bench.WebhookFanout;

/// <summary>
/// The storefronts' receivers on loopback (Kestrel): a healthy one answering 200 at once, recording for each webhook-id
/// its first arrival against the event's createdAt; and a silent one that reads the request and never answers, so the
/// host's attempt runs into its timeout.
/// </summary>
internal sealed class FanoutReceivers : IAsyncDisposable
{
    private readonly WebApplication _healthy;
    private readonly WebApplication _silent;
    private int _silentRequests;

    private FanoutReceivers(WebApplication healthy, WebApplication silent, int healthyPort, int silentPort)
    {
        (_healthy, _silent) = (healthy, silent);
        HealthyBase = $"http://127.0.0.1:{healthyPort}";
        SilentBase = $"http://127.0.0.1:{silentPort}";
    }

    public string HealthyBase { get; }

    public string SilentBase { get; }

    /// <summary>Per webhook-id: milliseconds from the event's createdAt to its first arrival, and when it arrived.</summary>
    public ConcurrentDictionary<string, (double LatencyMs, DateTimeOffset At)> Delivered { get; } = new();

    public int SilentRequests => Volatile.Read(ref _silentRequests);

    public static async Task<FanoutReceivers> StartAsync()
    {
        var (healthyPort, silentPort) = (LoopbackPort.Free(), LoopbackPort.Free());
        var healthy = Build(healthyPort);
        var silent = Build(silentPort);
        FanoutReceivers? receivers = null;
        healthy.MapPost("/{endpoint}", async (HttpContext context) =>
        {
            var at = DateTimeOffset.UtcNow;
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var createdAt = body.RootElement.GetProperty("createdAt").GetDateTimeOffset();
            receivers!.Delivered.TryAdd(context.Request.Headers["webhook-id"].ToString(), ((at - createdAt).TotalMilliseconds, at));
            return Results.Text("{\"ok\":true}", "application/json");
        });
        silent.MapPost("/{endpoint}", async (HttpContext context) =>
        {
            Interlocked.Increment(ref receivers!._silentRequests);
            await context.Request.Body.CopyToAsync(Stream.Null);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The host gave up: its timeout, what this receiver is for.
            }
        });
        receivers = new FanoutReceivers(healthy, silent, healthyPort, silentPort);
        await healthy.StartAsync();
        await silent.StartAsync();
        return receivers;
    }

    private static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _healthy.DisposeAsync();
        await _silent.DisposeAsync();
    }
}
