using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// Turns the framework's binding failures into problems a client can act on: which parameter, what format it needs,
/// never a .NET type name. The framework says <c>Failed to bind parameter "Nullable&lt;DateTimeOffset&gt; from" from "x"</c>;
/// the client reads <c>errors.from: "from must be a date and time in ISO 8601 …; got 'x'."</c>.
/// </summary>
public static partial class BindingProblems
{
    /// <summary>A problem for a binding failure, or null when the exception is not one (a body too large, a broken connection).</summary>
    public static HttpValidationProblemDetails? From(HttpContext context, BadHttpRequestException bad)
    {
        if (FindJsonException(bad) is { } json) return Invalid(json.Path ?? "$", JsonProblem(json), "The request body is not valid JSON for this endpoint.");
        var message = bad.Message;
        // The exception handler clears the endpoint before it runs handlers; the feature keeps the one that failed.
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        if (BindFailed().Match(message) is { Success: true } failed)
        {
            var name = Camel(failed.Groups["name"].Value);
            var format = ParameterFormats.Describe(endpoint, failed.Groups["name"].Value);
            return Invalid(name, $"{name} must be {format}; got '{Shorten(failed.Groups["value"].Value)}'.");
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            var name = Camel(missing.Groups["name"].Value);
            return missing.Groups["source"].Value == "body"
                ? Invalid("$", "A JSON body is required.")
                : Invalid(name, $"{name} is required: {ParameterFormats.Describe(endpoint, missing.Groups["name"].Value)}.");
        }
        if (NoBody().IsMatch(message)) return Invalid("$", "This endpoint needs a JSON body (Content-Type: application/json).");
        if (ReadFailed().IsMatch(message)) return Invalid("$", "The request body could not be read as JSON.");
        return null;
    }

    /// <summary>The framework answers a non-JSON body with a bare 415 (no exception); this says what to send instead.</summary>
    public static string UnsupportedMediaType(HttpContext context) =>
        $"Send the body as JSON with Content-Type: application/json; this request's Content-Type was '{Shorten(context.Request.ContentType ?? "none")}'.";

    private static HttpValidationProblemDetails Invalid(string field, string message, string? detail = null) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid request",
        Detail = detail ?? message,
    };

    private static JsonException? FindJsonException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JsonException json) return json;
        }
        return null;
    }

    /// <summary>System.Text.Json's messages name .NET types and members; say the same in the client's terms.</summary>
    private static string JsonProblem(JsonException json)
    {
        var message = json.Message;
        if (message.Contains("could not be converted", StringComparison.Ordinal)) return "This value has the wrong type or format for this field.";
        if (message.Contains("could not be mapped", StringComparison.Ordinal)) return "This field is not part of this request.";
        if (MissingRequired().Match(message) is { Success: true } required) return $"Required fields are missing: {required.Groups["names"].Value.Replace("'", "", StringComparison.Ordinal)}.";
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return LeaksInternals(message) ? "This is not valid JSON for this field." : message;
    }

    private static bool LeaksInternals(string text) =>
        text.Contains("System.", StringComparison.Ordinal) || text.Contains("Microsoft.", StringComparison.Ordinal) ||
        text.Contains("CommunitySaaS.", StringComparison.Ordinal) || text.Contains('`', StringComparison.Ordinal) ||
        text.Contains(".NET", StringComparison.Ordinal) || text.Contains("type '", StringComparison.Ordinal);

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>[^.]+)\.$""")]
    private static partial Regex Missing();

    [GeneratedRegex("""^Implicit body inferred for parameter""")]
    private static partial Regex NoBody();

    [GeneratedRegex("""^Failed to read parameter ".+" from the request body""")]
    private static partial Regex ReadFailed();

    [GeneratedRegex("""missing required properties,? including:? (?<names>.+?)\.?$""")]
    private static partial Regex MissingRequired();
}
