using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace CommunitySaaS.Api.Http;

/// <summary>
/// A query value that names an enum member as the JSON writes it (camelCase, any case accepted). Query enums bind as
/// text and are checked here because the framework's own enum binding is case-sensitive and takes numbers.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(Type enumType) : ValidationAttribute
{
    public Type EnumType { get; } = enumType;

    public string Allowed => string.Join(", ", Enum.GetNames(EnumType).Select(JsonNamingPolicy.CamelCase.ConvertName));

    public override bool IsValid(object? value) => value is not string text || Parse(EnumType, text) is not null;

    public override string FormatErrorMessage(string name) => $"{JsonNamingPolicy.CamelCase.ConvertName(name)} must be one of: {Allowed}.";

    public static object? Parse(Type enumType, string? text) =>
        !string.IsNullOrEmpty(text) && !char.IsDigit(text[0]) && !text.StartsWith('-') && Enum.TryParse(enumType, text, ignoreCase: true, out var value) && Enum.IsDefined(enumType, value!)
            ? value
            : null;

    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum => (TEnum?)Parse(typeof(TEnum), text);
}
