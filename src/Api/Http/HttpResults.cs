using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Http;

/// <summary>Maps an application service's outcome onto HTTP: the same mapping for every endpoint.</summary>
public static class HttpResults
{
    public static Results<Ok<T>, Created<T>, ProblemHttpResult, ValidationProblem> ToHttp<T>(this ServiceResult<T> result, string? location = null) =>
        result.Status switch
        {
            ServiceStatus.Ok => TypedResults.Ok(result.Value!),
            ServiceStatus.Created => TypedResults.Created(location, result.Value!),
            ServiceStatus.NotFound => TypedResults.Problem(title: "Not found", detail: result.Message, statusCode: StatusCodes.Status404NotFound),
            ServiceStatus.Conflict => TypedResults.Problem(title: "Conflict", detail: result.Message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(
                result.Errors!.ToDictionary(e => e.Key, e => e.Value), detail: result.Message, title: "Invalid request"),
        };
}
