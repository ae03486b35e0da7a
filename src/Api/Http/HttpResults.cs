using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// Maps an application service's outcome onto HTTP, the same way for every endpoint. An endpoint names the outcomes
/// it can give in its return type (<c>Results&lt;Ok&lt;T&gt;, NotFoundProblem&gt;</c>), so OpenAPI documents exactly those;
/// an outcome it did not name is a bug and lands in the exception handler as a 500.
/// </summary>
public static class HttpResults
{
    public static NotFoundProblem NotFound<T>(this ServiceResult<T> result) =>
        result.Status == ServiceStatus.NotFound ? new NotFoundProblem(result.Message) : throw result.Unexpected();

    public static ConflictProblem Conflict<T>(this ServiceResult<T> result) =>
        result.Status == ServiceStatus.Conflict ? new ConflictProblem(result.Message) : throw result.Unexpected();

    public static ValidationProblem Invalid<T>(this ServiceResult<T> result) =>
        result.Status == ServiceStatus.Invalid
            ? TypedResults.ValidationProblem(result.Errors!.ToDictionary(e => e.Key, e => e.Value), detail: result.Message, title: "Invalid request")
            : throw result.Unexpected();

    /// <summary>For services whose failures are many and still growing (rule sets): every failure a service can name.</summary>
    public static Results<Ok<T>, NotFoundProblem, ConflictProblem, ValidationProblem> ToOk<T>(this ServiceResult<T> result) =>
        result.Status switch
        {
            ServiceStatus.Ok => TypedResults.Ok(result.Value!),
            ServiceStatus.NotFound => result.NotFound(),
            ServiceStatus.Conflict => result.Conflict(),
            ServiceStatus.Invalid => result.Invalid(),
            _ => throw result.Unexpected(),
        };

    /// <summary>
    /// A write that creates (201, with <paramref name="location"/> when the thing has an address) or answers an existing
    /// result again (200, e.g. a replay by natural id), or fails in any way a service can name.
    /// </summary>
    public static Results<Created<T>, Ok<T>, NotFoundProblem, ConflictProblem, ValidationProblem> ToHttp<T>(this ServiceResult<T> result, string? location = null) =>
        result.Status switch
        {
            ServiceStatus.Created => TypedResults.Created(location, result.Value!),
            ServiceStatus.Ok => TypedResults.Ok(result.Value!),
            ServiceStatus.NotFound => result.NotFound(),
            ServiceStatus.Conflict => result.Conflict(),
            ServiceStatus.Invalid => result.Invalid(),
            _ => throw result.Unexpected(),
        };

    /// <summary>The location of a thing created under the request's path: <c>POST /communities</c> → <c>/communities/{id}</c>.</summary>
    public static string Below(this HttpRequest request, string id) => $"{request.Path.Value?.TrimEnd('/')}/{id}";

    public static InvalidOperationException Unexpected<T>(this ServiceResult<T> result) =>
        new($"The service answered {result.Status} ({result.Message}), an outcome this endpoint does not declare.");
}
