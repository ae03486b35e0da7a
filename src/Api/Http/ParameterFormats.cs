using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// What a client must send for a route, query or header value, in plain words ("a whole number from 1 to 100"),
/// read from the endpoint's handler: its parameters, and the properties of its <c>[AsParameters]</c> records.
/// </summary>
public static class ParameterFormats
{
    public static string Describe(Endpoint? endpoint, string name)
    {
        var member = FindMember(endpoint, name);
        return member is null ? "a value of another format" : Describe(member.Value.Type, member.Value.Attributes);
    }

    internal static string Describe(Type type, IEnumerable<Attribute> attributes)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var range = attributes.OfType<RangeAttribute>().FirstOrDefault();
        var bounds = range is null ? "" : $" from {range.Minimum} to {range.Maximum}";
        if (type.IsEnum) return $"one of: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => $"a whole number{bounds}",
            TypeCode.Decimal or TypeCode.Double or TypeCode.Single => $"a number{bounds}",
            TypeCode.Boolean => "true or false",
            TypeCode.DateTime => "a date and time in ISO 8601, such as 2026-01-31T09:30:00Z",
            _ when type == typeof(DateTimeOffset) => "a date and time in ISO 8601, such as 2026-01-31T09:30:00Z (or a date, 2026-01-31)",
            _ when type == typeof(DateOnly) => "a date in ISO 8601, such as 2026-01-31",
            _ when type == typeof(Guid) => "a GUID such as 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            _ => "text",
        };
    }

    private static (Type Type, IEnumerable<Attribute> Attributes)? FindMember(Endpoint? endpoint, string name)
    {
        var method = endpoint?.Metadata.GetMetadata<MethodInfo>();
        if (method is null) return null;
        foreach (var parameter in method.GetParameters())
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)) return (parameter.ParameterType, parameter.GetCustomAttributes());
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is null) continue;
            var property = parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
                string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(p.GetCustomAttribute<FromQueryAttribute>()?.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is not null) return (property.PropertyType, property.GetCustomAttributes());
        }
        return null;
    }
}
