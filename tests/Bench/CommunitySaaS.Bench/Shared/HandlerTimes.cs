using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunitySaaS.Bench.Shared;

/// <summary>
/// Where the outbox's time went in a host under test: its Prometheus scrape's handler-duration histogram, as count, mean
/// and total seconds per handler, so a slow delivery path can be pinned on the handler that makes it slow.
/// </summary>
internal static partial class HandlerTimes
{
    public static async Task PrintAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var text = await http.GetStringAsync("/metrics");
        var rows = new Dictionary<string, (double Sum, double Count)>();
        foreach (Match m in Line().Matches(text))
        {
            var key = $"{m.Groups["handler"].Value} ({m.Groups["outcome"].Value})";
            var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            var row = rows.GetValueOrDefault(key);
            rows[key] = m.Groups["kind"].Value == "sum" ? row with { Sum = value } : row with { Count = value };
        }
        Console.WriteLine("outbox handlers (count, mean ms, total s):");
        foreach (var (key, row) in rows.OrderByDescending(r => r.Value.Sum))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {key,-70} {row.Count,8:F0} {row.Sum * 1000 / Math.Max(1, row.Count),9:F1} {row.Sum,9:F1}"));
        }
    }

    [GeneratedRegex("""communitysaas_outbox_handler_duration_seconds_(?<kind>sum|count)\{(?=[^}]*handler="(?<handler>[^"]*)")(?=[^}]*outcome="(?<outcome>[^"]*)")[^}]*\} (?<value>[0-9.eE+-]+)""")]
    private static partial Regex Line();
}
