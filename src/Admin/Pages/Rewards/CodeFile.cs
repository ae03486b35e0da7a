namespace CommunitySaaS.Admin.Pages.Rewards;

/// <summary>
/// Reads coupon codes from an uploaded text or CSV file: one code per line, the first column of a CSV row,
/// a header row named "code" skipped. The pool itself judges each code (invalid, duplicate), as it does for the API.
/// </summary>
public static class CodeFile
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<string> Parse(string text)
    {
        var codes = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var first = line.Split(',', 2)[0].Trim().Trim('"').Trim();
            if (first.Length == 0) continue;
            if (codes.Count == 0 && first.Equals("code", StringComparison.OrdinalIgnoreCase)) continue;
            codes.Add(first);
        }
        return codes;
    }
}
