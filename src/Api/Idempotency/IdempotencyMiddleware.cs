using CommunitySaaS.Api.Http;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Idempotency;

/// <summary>
/// Every write a client may retry honours <c>Idempotency-Key</c>: the same key and body replay the first
/// response with its <c>Location</c> and other result headers (marked <c>Idempotent-Replayed: true</c>); another
/// body under the key and a request still running under it are both 409, with distinct problem types
/// (<see cref="IdempotencyProblems"/>). Server errors release the key so the retry can run.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"An Idempotency-Key has at most {MaxKeyLength} characters.", IdempotencyProblems.InvalidKey);
            return;
        }

        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;
        var hash = RequestHash.OfText($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}\n{Convert.ToBase64String(body.ToArray())}");
        var scope = context.User.FindFirst(TenantClaims.TenantId)?.Value
            ?? (context.User.HasClaim(TenantClaims.Platform, "true") ? "platform" : $"anonymous:{context.Connection.RemoteIpAddress}");

        var begin = await store.BeginAsync(scope, key, hash, context.RequestAborted);
        switch (begin.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request; use a new key for a new request.", IdempotencyProblems.KeyReused);
                return;
            case IdempotencyOutcome.InFlight:
                await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly with the same body.", IdempotencyProblems.InFlight);
                return;
            case IdempotencyOutcome.Replay:
                var record = begin.Record!;
                context.Response.StatusCode = record.StatusCode;
                if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
                foreach (var (name, value) in IdempotentResponse.HeadersOf(record)) context.Response.Headers[name] = value;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                await context.Response.Body.WriteAsync(record.ResponseBody ?? [], context.RequestAborted);
                return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.AbandonAsync(begin.Record!);
            throw;
        }
        context.Response.Body = original;
        var status = context.Response.StatusCode;
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests) await store.AbandonAsync(begin.Record!);
        else await store.CompleteAsync(begin.Record!, Captured(context.Response, captured), CancellationToken.None);
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static IdempotentResponse Captured(HttpResponse response, MemoryStream body) =>
        new(response.StatusCode, response.ContentType, body.ToArray(),
            response.Headers.Where(h => IdempotentResponse.Replayed.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value.ToString()));
}
