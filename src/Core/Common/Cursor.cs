using System.Buffers.Text;
using System.Text;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// The <c>nextCursor</c> / <c>after</c> of every list: the last row's key, base64url-encoded so clients treat it as
/// opaque and the key's shape can change without breaking them. A key is an id (<c>mem_0193…</c>) or a version number.
/// </summary>
public static class Cursor
{
    public const int MaxKeyLength = 64;

    /// <summary>What a client is told when its <c>after</c> is not a cursor.</summary>
    public const string Expected = "the nextCursor of a previous page, exactly as it was returned";

    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static bool TryDecode(string? cursor, out string key)
    {
        key = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxKeyLength * 2 || !Base64Url.IsValid(cursor)) return false;
        var bytes = Base64Url.DecodeFromChars(cursor);
        if (bytes.Length is 0 or > MaxKeyLength || !bytes.All(IsKeyByte)) return false;
        key = Encoding.ASCII.GetString(bytes);
        return true;
    }

    /// <summary>For code that got the cursor from a page it asked for; a client's cursor is checked at the API's edge first.</summary>
    public static string Decode(string cursor) =>
        TryDecode(cursor, out var key) ? key : throw new ArgumentException($"'{cursor}' is not a cursor: expected {Expected}.", nameof(cursor));

    private static bool IsKeyByte(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or (byte)'-';
}
