using System.Reflection;

namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// What rule expressions may reach: the typed inputs' properties, plain values, the members of
/// <see cref="AllowedMembers"/>, reading the inputs' collections, and the function classes of the plugins the
/// tenant enabled. Everything else (reflection, I/O, processes, the environment, clocks, time zones, other
/// tenants' services) is refused because it is simply not on these lists.
/// </summary>
internal sealed class SandboxPolicy(IReadOnlyCollection<Type> pluginTypes)
{
    internal static readonly HashSet<Type> InputTypes =
    [
        typeof(OrderInput), typeof(OrderLineInput), typeof(MemberInput), typeof(KosInput), typeof(ActivityInput), typeof(StatsInput),
    ];

    /// <summary>Types the parser must know by name, besides the plugins' function classes.</summary>
    internal static readonly Type[] NamedTypes = [typeof(DayOfWeek), typeof(MidpointRounding), typeof(StringComparison)];

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long),
        typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string), typeof(DateTime),
        typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid), typeof(DayOfWeek),
        typeof(MidpointRounding), typeof(StringComparison),
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

    private const string ClockAdvice = "use the 'now' input (UTC) so that results can be simulated and repeated.";

    // Not on the lists anyway; named here so that the refusal says why.
    private static readonly Dictionary<Type, HashSet<string>> ServerClock = new()
    {
        [typeof(DateTime)] =
        [
            "Now", "UtcNow", "Today", "ToLocalTime", "ToUniversalTime", "ToFileTime", "ToFileTimeUtc", "FromFileTime", "FromFileTimeUtc",
            "IsDaylightSavingTime", "ToBinary", "FromBinary", "SpecifyKind", "Kind", "TryParse", "ParseExact", "TryParseExact",
            "ToLongDateString", "ToShortDateString", "ToLongTimeString", "ToShortTimeString", "GetDateTimeFormats",
        ],
        [typeof(DateTimeOffset)] = ["Now", "UtcNow", "LocalDateTime", "ToLocalTime", "ToFileTime", "FromFileTime", "TryParse", "ParseExact", "TryParseExact"],
        [typeof(Convert)] = ["ToDateTime"],
    };

    private readonly HashSet<Type> _pluginTypes = [.. pluginTypes];

    public static bool IsNumeric(Type type) => NumericTypes.Contains(type);

    /// <summary>True for the plain values rules compute with (numbers, text, dates, the allowed enums).</summary>
    public static bool IsValue(Type type) => ValueTypes.Contains(type);

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
        var name = MemberName(member);
        if (ServerClock.TryGetValue(type, out var clock) && clock.Contains(name))
        {
            return name.Contains("Parse", StringComparison.Ordinal) || type == typeof(Convert)
                ? $"{type.Name}.{name} reads dates in the server's culture and time zone (and fills a missing date from the server's clock); "
                  + "use DateTimeOffset.Parse(\"2025-12-24T00:00:00Z\"), read as UTC, or DateTimeOffset(2025, 12, 24, 0, 0, 0, TimeSpan.Zero)."
                : $"{type.Name}.{name} reads the server's clock or time zone; {ClockAdvice}";
        }

        if (type == typeof(Guid) && name is "NewGuid" or "CreateVersion7")
        {
            return $"{type.Name}.{name} is random, so results could not be repeated; pass the value in the inputs instead.";
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

    public static string NotAvailable(string what) =>
        $"{what} is not available in rules. Rules may use the inputs (order, member, kos, activity, stats, now), "
        + "math, text and date functions, and the functions of the plugins enabled for this brand.";

    public static string Friendly(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>"
        : type.Name;

    private static string MemberName(MemberInfo member) =>
        member is MethodInfo { IsSpecialName: true } accessor && (accessor.Name.StartsWith("get_", StringComparison.Ordinal))
            ? accessor.Name[4..]
            : member.Name;

    private static bool IsReflection(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || (type.HasElementType && IsReflection(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsReflection));

    private bool IsAllowedMember(MemberInfo member, Type type, string name)
    {
        if (InputTypes.Contains(type))
        {
            return member is PropertyInfo || (member is MethodInfo { IsSpecialName: true } && member.Name.StartsWith("get_", StringComparison.Ordinal));
        }

        if (AllowedMembers.ByType.TryGetValue(type, out var names))
        {
            return AllowedMembers.Allows(names, name);
        }

        if (type.IsGenericType && GenericShapes.Contains(type.GetGenericTypeDefinition()))
        {
            return AllowedMembers.Allows(AllowedMembers.Collections, name);
        }

        return IsPluginType(type);
    }

    // Only the function classes themselves: their methods take and return the plain values above.
    private bool IsPluginType(Type type) => _pluginTypes.Contains(type);
}
