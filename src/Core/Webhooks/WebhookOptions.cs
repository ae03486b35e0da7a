namespace CommunitySaaS.Core.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Accept <c>http://</c> endpoints. On in Development; elsewhere only https.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Accept endpoints on loopback, private, link-local and other internal addresses (the SSRF guard off). On in Development.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>One attempt's limit, connection to last byte read.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries in flight at once on one node, each to a different endpoint.</summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>The wait after the first failed attempt; doubled after each further one up to <see cref="MaxBackoffMinutes"/>, with ±25% jitter.</summary>
    public double FirstRetrySeconds { get; set; } = 5;
    public double MaxBackoffMinutes { get; set; } = 360;

    /// <summary>A delivery still failing this long after its event is failed for good.</summary>
    public double RetryForHours { get; set; } = 72;

    /// <summary>An endpoint whose deliveries have failed without a success for this long is disabled.</summary>
    public double DisableAfterDays { get; set; } = 5;

    /// <summary>How long a rotated-out secret keeps signing next to the new one, unless the rotation names another period.</summary>
    public double RotationOverlapHours { get; set; } = 24;

    /// <summary>How often an idle worker looks for deliveries fanned out on other nodes or whose backoff ended.</summary>
    public double PollSeconds { get; set; } = 0.5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>A claim outlives the attempt (timeout plus margin), so a live attempt is never taken over.</summary>
    public TimeSpan Lease => Timeout * 3 + TimeSpan.FromSeconds(5);

    public TimeSpan BackoffAfter(int attempts, double jitter)
    {
        var seconds = Math.Min(MaxBackoffMinutes * 60, FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.75 + 0.5 * jitter));
    }
}
