using System.Diagnostics;
using System.Text;

namespace CommunitySaaS.Core.Webhooks;

internal sealed record WebhookAttempt(bool Delivered, int? Status, string? Body, int LatencyMs, string? Error);

/// <summary>One signed POST of a delivery's body, bounded by the timeout; whatever happens becomes an attempt's outcome.</summary>
internal sealed class WebhookSender(WebhookHttp http, WebhookSecrets secrets, WebhookOptions options, TimeProvider time)
{
    public async Task<WebhookAttempt> SendAsync(WebhookDelivery delivery, WebhookTarget target, CancellationToken stop)
    {
        var timestamp = time.GetUtcNow();
        string signature;
        try
        {
            signature = WebhookSignature.Header(target.Secrets(timestamp).Select(secrets.Reveal).ToList(), delivery.Id, timestamp, delivery.Payload);
        }
        catch (WebhookSecretUnreadableException ex)
        {
            return new WebhookAttempt(false, null, null, 0, ex.Message);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        request.Headers.UserAgent.ParseAdd("CommunitySaaS-Webhooks/1");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadHeadAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(status is >= 200 and < 300, status, body, Elapsed(watch), status is >= 200 and < 300 ? null : $"HTTP {status}");
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            var error = timeout.IsCancellationRequested ? $"No answer within {options.TimeoutSeconds:0.#} s." : Describe(ex);
            return new WebhookAttempt(false, null, null, Elapsed(watch), error.Length > WebhookLimits.ErrorLength ? error[..WebhookLimits.ErrorLength] : error);
        }
    }

    /// <summary>Only the start of the answer is kept, and only that much is read: a receiver cannot make us buffer a large body.</summary>
    private static async Task<string> ReadHeadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[WebhookLimits.ResponseBodyChars];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        return new string(buffer, 0, read);
    }

    private static string Describe(Exception ex) =>
        ex is HttpRequestException { InnerException: WebhookTargetRefusedException refused } ? $"Refused: {refused.Message}"
        : ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
}

/// <summary>
/// Where a delivery goes and the secrets that sign it, as stored (protected): the current one, and the rotated-out one
/// during its overlap.
/// </summary>
internal sealed record WebhookTarget(string Url, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt)
{
    public IEnumerable<string> Secrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];
}
