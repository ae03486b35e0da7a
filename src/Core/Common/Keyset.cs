using System.Linq.Expressions;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// The one keyset window every REST list uses: rows before the cursor's key, newest first, one more than the
/// limit (so the page knows whether there is more). Project and fetch the window, then <see cref="PageRequest.ToPage{T}(List{T}, Func{T, string})"/>.
/// </summary>
public static class Keyset
{
    private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>By a prefixed id: version-7 GUIDs sort by creation time as text on every provider.</summary>
    public static IQueryable<T> Window<T>(this IQueryable<T> query, Expression<Func<T, string>> key, PageRequest page)
    {
        if (page.After is { } cursor)
        {
            var after = Cursor.Decode(cursor);
            var before = Expression.LessThan(Expression.Call(Compare, key.Body, Parameter(() => after)), Expression.Constant(0));
            query = query.Where(Expression.Lambda<Func<T, bool>>(before, key.Parameters));
        }
        return query.OrderByDescending(key).Take(page.SafeLimit + 1);
    }

    /// <summary>By a version number (rule set versions).</summary>
    public static IQueryable<T> Window<T>(this IQueryable<T> query, Expression<Func<T, int>> key, PageRequest page)
    {
        if (page.After is { } cursor)
        {
            if (!int.TryParse(Cursor.Decode(cursor), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var after))
            {
                throw new ArgumentException($"'{cursor}' is not a version cursor.", nameof(page));
            }
            var before = Expression.LessThan(key.Body, Parameter(() => after));
            query = query.Where(Expression.Lambda<Func<T, bool>>(before, key.Parameters));
        }
        return query.OrderByDescending(key).Take(page.SafeLimit + 1);
    }

    /// <summary>A captured variable, not a constant, so the database sees a parameter and reuses one query plan.</summary>
    private static Expression Parameter<TValue>(Expression<Func<TValue>> captured) => captured.Body;
}
