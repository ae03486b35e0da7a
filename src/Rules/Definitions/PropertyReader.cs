using System.Text.Json;

namespace CommunitySaaS.Rules.Definitions;

/// <summary>Typed access to one rule's <c>Properties</c>, reporting wrong types with the property's path.</summary>
internal sealed class PropertyReader(JsonElement properties, string path, string rule, ErrorList errors, int maxTextLength)
{
    public void Error(string name, string message) => errors.Add($"{path}.{name}", message, rule);

    public string? String(string name, bool required)
    {
        if (!properties.TryGet(name, out var value, out var propertyPath, path))
        {
            if (required)
            {
                errors.Add(propertyPath, $"The property '{name}' is required.", rule);
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text)
        {
            if (text.Length <= maxTextLength)
            {
                return text;
            }

            errors.Add(propertyPath, $"'{name}' has at most {maxTextLength} characters.", rule);
            return null;
        }

        errors.Add(propertyPath, $"'{name}' must be non-empty text, not {value.ValueKind.Describe()}.", rule);
        return null;
    }

    public int? Int(string name, bool required, int min, int max)
    {
        if (!properties.TryGet(name, out var value, out var propertyPath, path))
        {
            if (required)
            {
                errors.Add(propertyPath, $"The property '{name}' is required: a whole number from {min} to {max}.", rule);
            }

            return null;
        }

        if (TryNumber(value, out var number) && number == decimal.Truncate(number) && number >= min && number <= max)
        {
            return (int)number;
        }

        errors.Add(propertyPath, $"'{name}' must be a whole number from {min} to {max}.", rule);
        return null;
    }

    public decimal? Decimal(string name, decimal min)
    {
        if (!properties.TryGet(name, out var value, out var propertyPath, path))
        {
            return null;
        }

        if (TryNumber(value, out var number) && number >= min)
        {
            return number;
        }

        errors.Add(propertyPath, $"'{name}' must be a number of at least {min}.", rule);
        return null;
    }

    public bool? Bool(string name)
    {
        if (!properties.TryGet(name, out var value, out var propertyPath, path))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        errors.Add(propertyPath, $"'{name}' must be true or false.", rule);
        return null;
    }

    // RulesEngine keeps Properties as free-form values, so numbers written as text ("2") are accepted too.
    private static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
