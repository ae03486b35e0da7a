using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Metadata;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// A 404 problem as a typed result: written through the problem details service (so it carries the requestId like
/// every other problem) and documented in OpenAPI as <c>application/problem+json</c>, which
/// <c>NotFound&lt;ProblemDetails&gt;</c> would not do.
/// </summary>
public sealed class NotFoundProblem(string? detail) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;

    public string? Detail { get; } = detail;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(title: "Not found", detail: Detail, statusCode: StatusCodes.Status404NotFound).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(ProblemResults.Documented(StatusCodes.Status404NotFound));
}

/// <summary>A 409 problem as a typed result: the request fights the current state (a leader leaving, a duplicate slug).</summary>
public sealed class ConflictProblem(string? detail) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status409Conflict;

    public string? Detail { get; } = detail;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(title: "Conflict", detail: Detail, statusCode: StatusCodes.Status409Conflict).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(ProblemResults.Documented(StatusCodes.Status409Conflict));
}

public static class ProblemResults
{
    public const string ContentType = "application/problem+json";

    public static IProducesResponseTypeMetadata Documented(int status) =>
        new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]);

    /// <summary>Adds answers every endpoint of a group can give (the key, the tenant, the rate limit) to its OpenAPI operations.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(statuses.Select(Documented).Cast<object>().ToArray());
}
