using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace CommunitySaaS.Admin.Forms;

/// <summary>
/// Validates a Core command record exactly as the REST API does (its DataAnnotations and
/// <see cref="IValidatableObject"/>, nested records included) and maps each error onto the form field of
/// the same path, so a rule is written once and shown next to the field in the console.
/// </summary>
public static class CommandValidation
{
    public static IEnumerable<(string Path, string Message)> Validate(object command, string prefix = "")
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(command, new ValidationContext(command), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                yield return (prefix + member, result.ErrorMessage ?? "This value is not valid.");
            }
        }
        foreach (var property in command.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (IsNestedCommand(property.PropertyType) && property.GetValue(command) is { } nested)
            {
                foreach (var error in Validate(nested, $"{prefix}{property.Name}.")) yield return error;
            }
        }
    }

    /// <summary>The form field for an error path such as <c>Address.City</c>; null when the form has no such field.</summary>
    public static FieldIdentifier? Resolve(object model, string path)
    {
        var segments = path.Split('.');
        var owner = model;
        foreach (var segment in segments[..^1])
        {
            owner = owner.GetType().GetProperty(segment)?.GetValue(owner);
            if (owner is null) return null;
        }
        var name = segments[^1];
        return name.Length == 0 || owner.GetType().GetProperty(name) is not null ? new FieldIdentifier(owner, name) : null;
    }

    private static bool IsNestedCommand(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("CommunitySaaS.", StringComparison.Ordinal) == true;
}
