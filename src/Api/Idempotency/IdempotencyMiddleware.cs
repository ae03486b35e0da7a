using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Api.Idempotency;

/// <summary>
/// Every write a client may retry honours <c>Idempotency-Key</c>: the same key and body replay the first
/// response (marked <c>Idempotent-Replayed: true</c>), another body under the key is a 422, and a request
/// still running under the key is a 409. Server errors release the key so the retry can run.
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
            await Problems.WriteAsync(context, 400, "Invalid Idempotency-Key", $"An Idempotency-Key has at most {MaxKeyLength} characters.");
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
                await Problems.WriteAsync(context, 422, "Idempotency-Key reused", "This Idempotency-Key was used with a different request; use a new key for a new request.");
                return;
            case IdempotencyOutcome.InFlight:
                await Problems.WriteAsync(context, 409, "Request in progress", "A request with this Idempotency-Key is still being processed; retry shortly.");
                return;
            case IdempotencyOutcome.Replay:
                var record = begin.Record!;
                context.Response.StatusCode = record.StatusCode;
                if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
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
        else await store.CompleteAsync(begin.Record!, status, context.Response.ContentType, captured.ToArray(), CancellationToken.None);
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }
}
