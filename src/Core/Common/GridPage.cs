using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// One page of a console table: the rows and how many match in all. The console pages by offset (a table
/// with page numbers); the REST API keeps cursors, which stay stable while storefronts write. When counting
/// everything would cost too much, <see cref="TotalIsLowerBound"/> says "at least this many".
/// </summary>
public sealed record GridPage<T>(IReadOnlyList<T> Items, int Total, bool TotalIsLowerBound = false);

/// <summary>Offset and size of a console table page, clamped so a crafted request cannot ask for everything.</summary>
public sealed record GridRequest(int Offset = 0, int Limit = GridRequest.DefaultLimit)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public int SafeOffset => Math.Max(0, Offset);
    public int SafeLimit => Math.Clamp(Limit, 1, MaxLimit);
}

public static class GridPaging
{
    /// <summary>Counts the matches and fetches one sorted page of them, both in the database.</summary>
    public static async Task<GridPage<TRow>> ToGridPageAsync<T, TRow>(
        this IQueryable<T> filtered, Func<IQueryable<T>, IOrderedQueryable<T>> order, Expression<Func<T, TRow>> project,
        GridRequest? page, CancellationToken ct)
    {
        page ??= new GridRequest();
        var total = await filtered.CountAsync(ct);
        var items = total == 0 ? [] : await order(filtered).Skip(page.SafeOffset).Take(page.SafeLimit).Select(project).ToListAsync(ct);
        return new GridPage<TRow>(items, total);
    }
}
