namespace CommunitySaaS.Core.Common;

/// <summary>
/// Characters no stored text needs: C0/C1 controls (NUL, line breaks, escape…) and the bidirectional marks and
/// overrides that make a name or a SKU display differently from what it is ("Trojan Source").
/// </summary>
public static class PlainText
{
    public static bool HasForbiddenCharacters(string text)
    {
        foreach (var c in text)
        {
            if (IsForbidden(c)) return true;
        }
        return false;
    }

    public static bool IsForbidden(char c) =>
        char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
