using System.Collections.Concurrent;
using System.Net;
using CommunitySaaS.Testing;

namespace CommunitySaaS.Api.Tests.Webhooks;

public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

/// <summary>
/// A storefront's webhook receiver on loopback: records every request, and answers as <see cref="Answer"/> says per
/// path (200 by default; a delay makes it a slow endpoint).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Given the path and how many requests it has had (this one included): the status and a delay before answering.</summary>
    public Func<string, int, (int Status, TimeSpan Delay)> Answer { get; set; } = (_, _) => (200, TimeSpan.Zero);

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path.TrimStart('/')}";

    public IReadOnlyList<ReceivedWebhook> At(string path) => Received.Where(r => r.Path == "/" + path.TrimStart('/')).ToList();

    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string path, int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (At(path).Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return At(path);
    }

    private async Task LoopAsync()
    {
        var counts = new ConcurrentDictionary<string, int>();
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                var path = context.Request.Url!.AbsolutePath;
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                var (status, delay) = Answer(path, counts.AddOrUpdate(path, 1, (_, n) => n + 1));
                if (delay > TimeSpan.Zero) await Task.Delay(delay);
                Received.Enqueue(new ReceivedWebhook(path, context.Request.Headers["webhook-id"] ?? "", context.Request.Headers["webhook-timestamp"] ?? "",
                    context.Request.Headers["webhook-signature"] ?? "", body, DateTimeOffset.UtcNow));
                try
                {
                    context.Response.StatusCode = status;
                    var answer = System.Text.Encoding.UTF8.GetBytes(status < 300 ? "{\"ok\":true}" : "{\"error\":\"no\"}");
                    await context.Response.OutputStream.WriteAsync(answer);
                    context.Response.Close();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    // The sender gave up (its timeout) before the answer.
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
