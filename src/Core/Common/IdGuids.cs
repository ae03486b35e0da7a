using System.Security.Cryptography;
using System.Text;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// The rules library names tenants, members and orders by <see cref="Guid"/>; our ids are prefixed
/// version-7 GUIDs (<c>ten_0193…</c>), so the GUID is the part after the prefix. Any other id (seeded or
/// legacy) maps to a stable hash-derived GUID.
/// </summary>
public static class IdGuids
{
    public static Guid Of(string id)
    {
        var suffix = id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        return Guid.TryParseExact(suffix, "N", out var guid) ? guid : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16));
    }

    public static Guid? OfOptional(string? id) => id is null ? null : Of(id);
}
