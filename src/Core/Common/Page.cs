namespace CommunitySaaS.Core.Common;

/// <summary>One page of a cursor-paginated list: pass <see cref="NextCursor"/> as <c>after</c> for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, bool HasMore, string? NextCursor)
{
    public Page<TOther> Map<TOther>(Func<T, TOther> map) => new(Data.Select(map).ToList(), HasMore, NextCursor);
}

/// <summary>
/// Keyset paging over prefixed, time-ordered ids (or version numbers): newest first, stable under inserts.
/// <see cref="After"/> is an opaque cursor, a <see cref="Page{T}.NextCursor"/> of an earlier page.
/// </summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? After = null)
{
    public const int MinLimit = 1;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>The limit a crafted call cannot push past the bounds; the API refuses such a limit with a 400 before this.</summary>
    public int SafeLimit => Math.Clamp(Limit, MinLimit, MaxLimit);

    /// <summary>
    /// Turns the <c>SafeLimit + 1</c> rows a <see cref="Keyset"/> window fetched into a page: the extra row only says
    /// there is more, and the last row kept gives the cursor.
    /// </summary>
    public static Page<T> ToPage<T>(List<T> fetched, int limit, Func<T, string> key)
    {
        var hasMore = fetched.Count > limit;
        if (hasMore) fetched.RemoveAt(fetched.Count - 1);
        return new Page<T>(fetched, hasMore, hasMore ? Cursor.Encode(key(fetched[^1])) : null);
    }

    public Page<T> ToPage<T>(List<T> fetched, Func<T, string> key) => ToPage(fetched, SafeLimit, key);
}
