using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySaaS.Rules;

namespace CommunitySaaS.Core.RuleSets;

/// <summary>
/// A SHA-256 of what an evaluation was given, in one canonical JSON form: amounts without trailing zeros (10.0 and 10
/// are one amount), instants in UTC, activity properties by key. A ledger entry keeps it, so a later replay or audit
/// can prove the same facts went in.
/// </summary>
internal static class CanonicalInputs
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new NormalizedDecimal(), new UtcInstant() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Hash(string? eventName, RuleInputs inputs)
    {
        var canonical = inputs.Activity is { } activity
            ? inputs with { Activity = activity with { Properties = new SortedDictionary<string, string>(activity.Properties.ToDictionary(), StringComparer.Ordinal) } }
            : inputs;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { Event = eventName, Inputs = canonical }, Options);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private sealed class NormalizedDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        // Dividing by a one with many decimals drops the trailing zeros a decimal's scale keeps.
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));
    }

    private sealed class UtcInstant : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
