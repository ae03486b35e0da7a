namespace CommunitySaaS.Core.Events;

/// <summary>
/// A handler that only passes the event on (a webhook fan-out): nothing it writes is read by the event's other handlers,
/// so it runs before them, and a slow or failing ledger handler delays no notification to the brand.
/// </summary>
public interface IForwardingEventHandler;
