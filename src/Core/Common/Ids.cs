namespace CommunitySaaS.Core.Common;

/// <summary>
/// Stripe-style prefixed ids (<c>mem_0193…</c>). Version-7 GUIDs sort by creation time as text on every
/// provider, which is what keyset (cursor) pagination needs.
/// </summary>
public static class Ids
{
    public const int MaxLength = 40;

    public static string New(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";
}
