namespace CommunitySaaS.Core.Common;

/// <summary>One page of a cursor-paginated list: pass <see cref="NextCursor"/> as <c>after</c> for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, bool HasMore, string? NextCursor);

/// <summary>Keyset paging over prefixed, time-ordered ids: newest first, stable under inserts.</summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? After = null)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static Page<T> ToPage<T>(List<T> fetched, int limit, Func<T, string> id)
    {
        var hasMore = fetched.Count > limit;
        if (hasMore) fetched.RemoveAt(fetched.Count - 1);
        return new Page<T>(fetched, hasMore, hasMore ? id(fetched[^1]) : null);
    }
}
