using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Audit;
using CommunitySaaS.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySaaS.Api.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapTenantGroup("audit-events", "Audit log");
        group.MapGet("/", List)
            .WithSummary("The brand's audit log, newest first: who changed what, when, from where (secret keys only)")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<Page<AuditEventView>>, ValidationProblem>> List(
        [AsParameters] AuditListParameters query, AuditLogService log, HttpContext http, CancellationToken ct)
    {
        var unknown = http.Request.Query.Keys.Where(k => !AuditListParameters.Known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(unknown.ToDictionary(k => k, k => new[]
            {
                $"{k} is not a filter of the audit log; use actor, action, target, from, to, limit or after.",
            }));
        }
        if (query.From is { } from && query.To is { } to && from >= to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be later than from."] });
        }
        return TypedResults.Ok(await log.ListAsync(query.ToQuery(), query.ToPageRequest(), ct));
    }
}
