namespace CommunitySaaS.Core.Audit;

/// <summary>Who acts in a scope, as the audit log records it: an API key, a console user, the platform, a job.</summary>
public sealed record AuditActor(string Type, string Id, string? Name = null)
{
    public const string ApiKey = "api_key";
    public const string User = "user";
    public const string Platform = "platform";
    public const string Job = "job";
    public const string System = "system";
    public const string Anonymous = "anonymous";

    /// <summary>Work no request or job claimed (start-up seeding, the outbox's handlers).</summary>
    public static readonly AuditActor SystemActor = new(System, System);

    public static AuditActor ForJob(string jobId) => new(Job, $"job:{jobId}", jobId);
}

/// <summary>The ambient actor of a DI scope: filled by the API's middleware, the console's circuit, the job runner.</summary>
public interface ICurrentActor
{
    AuditActor Actor { get; }
    string? RequestId { get; }
    string? IpAddress { get; }
    void Set(AuditActor actor, string? requestId = null, string? ipAddress = null);
}

public sealed class CurrentActor : ICurrentActor
{
    public AuditActor Actor { get; private set; } = AuditActor.SystemActor;
    public string? RequestId { get; private set; }
    public string? IpAddress { get; private set; }

    public void Set(AuditActor actor, string? requestId = null, string? ipAddress = null)
    {
        Actor = actor;
        RequestId = requestId;
        IpAddress = ipAddress;
    }
}
