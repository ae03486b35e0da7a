using System.Text;
using CommunitySaaS.Api.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CommunitySaaS.Api.Hosting;

/// <summary>Every problem carries the request id, and names fields as the client wrote them (camelCase JSON).</summary>
internal static class ProblemCustomization
{
    public static void Apply(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        if (context.ProblemDetails.Status == StatusCodes.Status404NotFound && context.HttpContext.Features.Get<IEndpointFeature>()?.Endpoint is null)
        {
            context.ProblemDetails.Detail ??= $"There is no endpoint at {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.";
        }
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType) context.ProblemDetails.Detail ??= BindingProblems.UnsupportedMediaType(context.HttpContext);
        if (context.ProblemDetails is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            var camel = validation.Errors.ToDictionary(e => CamelPath(e.Key), e => e.Value);
            validation.Errors.Clear();
            foreach (var (key, value) in camel) validation.Errors[key] = value;
            context.ProblemDetails.Detail ??= "See errors: each names the field at fault.";
        }
    }

    /// <summary><c>Lines[0].UnitPrice</c> → <c>lines[0].unitPrice</c>; JSON paths (<c>$.…</c>) are already as sent.</summary>
    internal static string CamelPath(string path)
    {
        if (path.StartsWith('$')) return path;
        var sb = new StringBuilder(path.Length);
        var startOfSegment = true;
        foreach (var c in path)
        {
            sb.Append(startOfSegment ? char.ToLowerInvariant(c) : c);
            startOfSegment = c == '.';
        }
        return sb.ToString();
    }
}
