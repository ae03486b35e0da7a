using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Checks that hold for every request body, so no contract can forget them: no string carries control or
/// bidirectional-override characters, and no list (or map) holds a null where the contract declares values.
/// Both fail as JSON errors, which the exception handler turns into a 400 naming the JSON path.
/// </summary>
internal static class RequestJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new PlainStringConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseNullElements);
    }

    private static void RefuseNullElements(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        var lists = typeInfo.Properties.Where(p => p.Get is not null && ElementsMustNotBeNull(p)).ToArray();
        if (lists.Length == 0) return;
        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var property in lists) CheckElements(property, value);
        };
    }

    private static void CheckElements(JsonPropertyInfo property, object owner)
    {
        var index = 0;
        switch (property.Get!(owner))
        {
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Value is null) throw new JsonException($"'{property.Name}.{entry.Key}' is null; give a value or leave the entry out.");
                }
                break;
            case IEnumerable items and not string:
                foreach (var item in items)
                {
                    if (item is null) throw new JsonException($"'{property.Name}[{index}]' is null; a list takes values, not null.");
                    index++;
                }
                break;
        }
    }

    /// <summary>A collection of reference (or nullable) elements whose declaration does not say <c>?</c> for the element.</summary>
    private static bool ElementsMustNotBeNull(JsonPropertyInfo property)
    {
        if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)) return false;
        if (property.AttributeProvider is not PropertyInfo member) return false;
        var nullability = new NullabilityInfoContext().Create(member);
        var element = nullability.ElementType ?? nullability.GenericTypeArguments.LastOrDefault();
        return element is not null && (!element.Type.IsValueType || Nullable.GetUnderlyingType(element.Type) is not null)
            && element.ReadState != NullabilityState.Nullable;
    }

    private sealed class PlainStringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            return Checked(reader.GetString()!);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string Checked(string value) => PlainText.HasForbiddenCharacters(value)
            ? throw new JsonException("Text may not contain control characters (NUL, line breaks, escapes) or bidirectional-override characters.")
            : value;
    }
}
