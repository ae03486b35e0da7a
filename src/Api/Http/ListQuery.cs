using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// Query-string values that the framework would otherwise turn into an opaque 400: checked here so the
/// problem names the parameter and says what is allowed.
/// </summary>
public static class ListQuery
{
    public static bool TryLimit(int? limit, out int value, out IResult? problem)
    {
        value = limit ?? PageRequest.DefaultLimit;
        problem = value is < 1 or > PageRequest.MaxLimit
            ? Invalid("limit", $"limit must be between 1 and {PageRequest.MaxLimit}.")
            : null;
        return problem is null;
    }

    public static bool TryEnum<TEnum>(string? text, string name, out TEnum? value, out IResult? problem) where TEnum : struct, Enum
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(text[0]))
        {
            value = parsed;
            return true;
        }
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        problem = Invalid(name, $"{name} must be one of: {allowed}.");
        return false;
    }

    public static IResult Invalid(string name, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, title: "Invalid request");
}
