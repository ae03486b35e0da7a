using System.Reflection;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// What rule expressions may reach: the typed inputs' properties, plain values, math, text and date
/// functions, reading the inputs' collections, and the function classes of the plugins the tenant enabled.
/// Everything else (reflection, I/O, processes, the environment, clocks, other tenants' services) is
/// refused because it is simply not on these lists.
/// </summary>
internal sealed class SandboxPolicy(IReadOnlyCollection<Type> pluginTypes)
{
    internal static readonly HashSet<Type> InputTypes =
    [
        typeof(OrderInput), typeof(OrderLineInput), typeof(MemberInput), typeof(KosInput), typeof(ActivityInput), typeof(StatsInput),
    ];

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
        typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string), typeof(DateTime),
        typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid), typeof(DayOfWeek),
    ];

    private static readonly HashSet<Type> NumericTypes =
    [
        typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong),
        typeof(float), typeof(double), typeof(decimal),
    ];

    private static readonly HashSet<Type> GenericShapes =
    [
        typeof(Nullable<>), typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>),
        typeof(ICollection<>), typeof(List<>), typeof(IReadOnlyDictionary<,>), typeof(KeyValuePair<,>), typeof(IOrderedEnumerable<>),
        typeof(IGrouping<,>), typeof(Func<>), typeof(Func<,>), typeof(Func<,,>),
    ];

    private static readonly HashSet<string> EnumerableMethods =
    [
        "All", "Any", "Average", "Contains", "Count", "Distinct", "ElementAt", "ElementAtOrDefault", "Except", "First",
        "FirstOrDefault", "GroupBy", "Intersect", "Last", "LastOrDefault", "LongCount", "Max", "Min", "OrderBy",
        "OrderByDescending", "ThenBy", "ThenByDescending", "Select", "SelectMany", "Single", "SingleOrDefault", "Skip",
        "Sum", "Take", "Union", "Where", "ToList", "ToArray", "Concat", "DefaultIfEmpty",
    ];

    private static readonly HashSet<string> StringMethods =
    [
        "Contains", "StartsWith", "EndsWith", "IndexOf", "LastIndexOf", "Equals", "CompareTo", "Compare", "CompareOrdinal",
        "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd", "Substring",
        "IsNullOrEmpty", "IsNullOrWhiteSpace", "Concat", "ToString", "get_Length", "get_Chars", "op_Equality", "op_Inequality",
    ];

    private static readonly HashSet<string> CollectionMethods =
    [
        "get_Item", "get_Count", "get_Keys", "get_Values", "ContainsKey", "Contains", "IndexOf", "get_HasValue",
        "get_Value", "get_Key", "GetValueOrDefault",
    ];

    private static readonly Dictionary<Type, HashSet<string>> Refused = new()
    {
        [typeof(DateTime)] = ["Now", "UtcNow", "Today", "ToLocalTime", "ToUniversalTime", "ToFileTime"],
        [typeof(DateTimeOffset)] = ["Now", "UtcNow", "LocalDateTime", "ToLocalTime"],
        [typeof(Guid)] = ["NewGuid", "CreateVersion7"],
    };

    private readonly HashSet<Type> _pluginTypes = [.. pluginTypes];

    public static bool IsNumeric(Type type) => NumericTypes.Contains(type);

    public bool IsAllowedType(Type type)
    {
        if (ValueTypes.Contains(type) || InputTypes.Contains(type) || type == typeof(object) || IsPluginType(type))
        {
            return true;
        }

        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && IsAllowedType(type.GetElementType()!);
        }

        return type.IsGenericType && GenericShapes.Contains(type.GetGenericTypeDefinition())
            && type.GetGenericArguments().All(IsAllowedType);
    }

    /// <summary>Why <paramref name="member"/> may not be used, or null when it may.</summary>
    public string? RefusalFor(MemberInfo member)
    {
        var type = member.DeclaringType!;
        var name = member is MethodInfo { IsSpecialName: true } accessor && accessor.Name.StartsWith("get_", StringComparison.Ordinal)
            ? accessor.Name[4..]
            : member.Name;
        if (Refused.TryGetValue(type, out var refused) && refused.Contains(name))
        {
            return name is "NewGuid" or "CreateVersion7"
                ? $"{type.Name}.{name} is random, so results could not be repeated; pass the value in the inputs instead."
                : $"{type.Name}.{name} reads the server's clock or time zone; use the 'now' input (UTC) so that results can be simulated and repeated.";
        }

        if (name is "GetType" || IsReflection(type))
        {
            return $"Reflection ({name}) is not allowed in rules.";
        }

        return IsAllowedMember(member, type, name) ? null : NotAvailable($"{Friendly(type)}.{name}");
    }

    /// <summary>Why a value of <paramref name="type"/> may not appear in an expression.</summary>
    public static string TypeRefusal(Type type) => IsReflection(type)
        ? $"Reflection ({Friendly(type)}) is not allowed in rules."
        : NotAvailable($"The type {Friendly(type)}");

    private static bool IsReflection(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || (type.HasElementType && IsReflection(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsReflection));

    public static string NotAvailable(string what) =>
        $"{what} is not available in rules. Rules may use the inputs (order, member, kos, activity, stats, now), "
        + "math, text and date functions, and the functions of the plugins enabled for this brand.";

    public static string Friendly(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>"
        : type.Name;

    private bool IsAllowedMember(MemberInfo member, Type type, string name)
    {
        if (InputTypes.Contains(type))
        {
            return member is PropertyInfo || (member is MethodInfo { IsSpecialName: true } && member.Name.StartsWith("get_", StringComparison.Ordinal));
        }

        if (type == typeof(System.Linq.Enumerable))
        {
            return EnumerableMethods.Contains(name);
        }

        if (type == typeof(string))
        {
            return StringMethods.Contains(member.Name) || StringMethods.Contains(name);
        }

        if (type == typeof(Math) || NumericTypes.Contains(type) || type == typeof(bool) || type == typeof(char) || Refused.ContainsKey(type)
            || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(DayOfWeek))
        {
            return true;
        }

        if (type == typeof(Convert))
        {
            return name.StartsWith("To", StringComparison.Ordinal);
        }

        if (type.IsGenericType && GenericShapes.Contains(type.GetGenericTypeDefinition()))
        {
            return CollectionMethods.Contains(member.Name) || CollectionMethods.Contains($"get_{name}");
        }

        return IsPluginType(type);
    }

    // Only the function classes themselves: their methods take and return the plain values above.
    private bool IsPluginType(Type type) => _pluginTypes.Contains(type);
}
