namespace CommunitySaaS.Core.Events;

/// <summary>
/// A handler that can tell cheaply, before its unit of work is opened, that an event needs nothing from it (a brand with
/// no webhook endpoint for the type, say). The dispatcher then skips the transaction and the inbox row: a handler with no
/// effect has nothing to keep exactly once, and a redelivery simply asks again. A false "has work" is harmless (the
/// handler runs and finds nothing); a false "no work" loses its effect, so answer false only when sure.
/// </summary>
public interface IConditionalEventHandler
{
    Task<bool> HasWorkAsync(DomainEvent domainEvent, CancellationToken ct);
}
