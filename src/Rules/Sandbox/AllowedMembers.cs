namespace CommunitySaaS.Rules.Sandbox;

/// <summary>
/// The members rules may call on each allowed type, by name (property names without <c>get_</c>; <c>op_*</c>
/// stands for every operator). src/Rules/README.md lists the same names and a test keeps the two in step.
/// Culture- and zone-sensitive members on these lists are rewritten before compiling (see
/// <see cref="DeterministicCalls"/>), so that the same inputs give the same result on any server.
/// </summary>
internal static class AllowedMembers
{
    public const string Operators = "op_*";

    public const string Everything = "*";

    private static readonly string[] Numbers =
    [
        "MaxValue", "MinValue", "Zero", "One", "MinusOne", "Epsilon", "NaN", "PositiveInfinity", "NegativeInfinity", "Abs", "Max",
        "Min", "Clamp", "Sign", "Round", "Floor", "Ceiling", "Truncate", "Add", "Subtract", "Multiply", "Divide", "Remainder",
        "Negate", "IsNaN", "IsInfinity", "IsFinite", "IsPositive", "IsNegative", "IsInteger", "IsEvenInteger", "IsOddInteger",
        "Parse", "ToString", "Equals", "CompareTo", "ToInt32", "ToInt64", "ToDouble", "ToDecimal", Operators,
    ];

    public static readonly IReadOnlyDictionary<Type, IReadOnlySet<string>> ByType = new Dictionary<Type, IReadOnlySet<string>>
    {
        [typeof(Math)] = Set(
            "Abs", "Max", "Min", "Clamp", "Sign", "Round", "Floor", "Ceiling", "Truncate", "Pow", "Sqrt", "Exp", "Log", "Log10",
            "PI", "E"),
        [typeof(decimal)] = Set(Numbers),
        [typeof(double)] = Set(Numbers),
        [typeof(float)] = Set(Numbers),
        [typeof(long)] = Set(Numbers),
        [typeof(int)] = Set(Numbers),
        [typeof(short)] = Set(Numbers),
        [typeof(byte)] = Set(Numbers),
        [typeof(ulong)] = Set(Numbers),
        [typeof(uint)] = Set(Numbers),
        [typeof(ushort)] = Set(Numbers),
        [typeof(sbyte)] = Set(Numbers),
        [typeof(bool)] = Set("Parse", "ToString", "Equals", "CompareTo", "TrueString", "FalseString", Operators),
        [typeof(char)] = Set(
            "IsDigit", "IsLetter", "IsLetterOrDigit", "IsWhiteSpace", "IsUpper", "IsLower", "IsPunctuation", "IsNumber", "ToUpper",
            "ToLower", "ToUpperInvariant", "ToLowerInvariant", "ToString", "Equals", "CompareTo", "MinValue", "MaxValue", Operators),
        [typeof(string)] = Set(
            "Length", "Chars", "Empty", "Contains", "StartsWith", "EndsWith", "IndexOf", "LastIndexOf", "Equals", "CompareTo",
            "Compare", "CompareOrdinal", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd",
            "Substring", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Concat", "ToString", Operators),
        [typeof(Array)] = Set("Length"),
        [typeof(Convert)] = Set(
            "ToBoolean", "ToByte", "ToChar", "ToDecimal", "ToDouble", "ToInt16", "ToInt32", "ToInt64", "ToSByte", "ToSingle",
            "ToString", "ToUInt16", "ToUInt32", "ToUInt64"),
        [typeof(DateTime)] = Set(
            "Year", "Month", "Day", "Hour", "Minute", "Second", "Millisecond", "DayOfWeek", "DayOfYear", "Date", "TimeOfDay", "Ticks",
            "Add", "AddDays", "AddHours", "AddMinutes", "AddSeconds", "AddMilliseconds", "AddMonths", "AddYears", "AddTicks", "Subtract",
            "MinValue", "MaxValue", "UnixEpoch", "DaysInMonth", "IsLeapYear", "Parse", "ToString", "Equals", "CompareTo", Operators),
        [typeof(DateTimeOffset)] = Set(
            "Year", "Month", "Day", "Hour", "Minute", "Second", "Millisecond", "DayOfWeek", "DayOfYear", "Date", "DateTime",
            "UtcDateTime", "TimeOfDay", "Offset", "Ticks", "UtcTicks", "Add", "AddDays", "AddHours", "AddMinutes", "AddSeconds",
            "AddMilliseconds", "AddMonths", "AddYears", "AddTicks", "Subtract", "ToOffset", "ToUnixTimeSeconds", "ToUnixTimeMilliseconds",
            "FromUnixTimeSeconds", "FromUnixTimeMilliseconds", "MinValue", "MaxValue", "UnixEpoch", "Parse", "ToString", "Equals",
            "EqualsExact", "CompareTo", Operators),
        [typeof(DateOnly)] = Set(
            "Year", "Month", "Day", "DayOfWeek", "DayOfYear", "DayNumber", "AddDays", "AddMonths", "AddYears", "FromDateTime",
            "FromDayNumber", "ToDateTime", "MinValue", "MaxValue", "Parse", "ToString", "Equals", "CompareTo", Operators),
        [typeof(TimeOnly)] = Set(
            "Hour", "Minute", "Second", "Millisecond", "Ticks", "Add", "AddHours", "AddMinutes", "IsBetween", "FromDateTime",
            "FromTimeSpan", "ToTimeSpan", "MinValue", "MaxValue", "Parse", "ToString", "Equals", "CompareTo", Operators),
        [typeof(TimeSpan)] = Set(Everything),
        [typeof(Guid)] = Set("Empty", "Parse", "ToString", "Equals", "CompareTo", Operators),
        [typeof(DayOfWeek)] = Set(Everything),
        [typeof(MidpointRounding)] = Set(Everything),
        [typeof(StringComparison)] = Set(Everything),
        [typeof(Enumerable)] = Set(
            "All", "Any", "Average", "Contains", "Count", "Distinct", "ElementAt", "ElementAtOrDefault", "Except", "First",
            "FirstOrDefault", "GroupBy", "Intersect", "Last", "LastOrDefault", "LongCount", "Max", "Min", "OrderBy", "OrderByDescending",
            "ThenBy", "ThenByDescending", "Select", "SelectMany", "Single", "SingleOrDefault", "Skip", "Sum", "Take", "Union", "Where",
            "ToList", "ToArray", "Concat", "DefaultIfEmpty"),
    };

    /// <summary>Members of the generic collection shapes (<c>IReadOnlyList&lt;T&gt;</c>, <c>Nullable&lt;T&gt;</c>, dictionaries, groups).</summary>
    public static readonly IReadOnlySet<string> Collections = Set(
        "Item", "Count", "Keys", "Values", "ContainsKey", "Contains", "IndexOf", "HasValue", "Value", "Key", "GetValueOrDefault");

    /// <summary>Where <paramref name="names"/> allows <paramref name="name"/>.</summary>
    public static bool Allows(IReadOnlySet<string> names, string name) =>
        names.Contains(Everything) || names.Contains(name) || (name.StartsWith("op_", StringComparison.Ordinal) && names.Contains(Operators));

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
