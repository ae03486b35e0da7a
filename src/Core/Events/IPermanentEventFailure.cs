namespace CommunitySaaS.Core.Events;

/// <summary>
/// Marks an exception that the same event would raise again on every retry (a rule set pinned by the event's time
/// that cannot be evaluated on its recorded inputs): the dispatcher dead-letters the message at once, with the
/// error, instead of spending its retries and backoff on it. A replay from the console tries it again.
/// </summary>
public interface IPermanentEventFailure;
