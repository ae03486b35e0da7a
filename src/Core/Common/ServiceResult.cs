namespace CommunitySaaS.Core.Common;

public enum ServiceStatus { Ok, Created, NotFound, Conflict, Invalid }

/// <summary>
/// An application service's expected outcome: the value, or why not. The REST endpoints and the console
/// both read it, so a business rule lives once and is shown through two doors.
/// </summary>
public sealed record ServiceResult<T>(ServiceStatus Status, T? Value, string? Message, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static ServiceResult<T> Ok(T value) => new(ServiceStatus.Ok, value, null, null);
    public static ServiceResult<T> Created(T value) => new(ServiceStatus.Created, value, null, null);
    public static ServiceResult<T> NotFound(string message) => new(ServiceStatus.NotFound, default, message, null);
    public static ServiceResult<T> Conflict(string message) => new(ServiceStatus.Conflict, default, message, null);

    public static ServiceResult<T> Invalid(string field, string message) =>
        new(ServiceStatus.Invalid, default, message, new Dictionary<string, string[]> { [field] = [message] });

    public static ServiceResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors, string message) =>
        new(ServiceStatus.Invalid, default, message, errors);

    /// <summary>The same failure, carrying another value type (a failed step inside a larger operation).</summary>
    public ServiceResult<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure can change its value type.") : new(Status, default, Message, Errors);

    public bool Succeeded => Status is ServiceStatus.Ok or ServiceStatus.Created;
}
