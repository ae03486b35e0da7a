using System.ComponentModel.DataAnnotations;

namespace CommunitySaaS.Core.Common;

/// <summary>The shape of ids that clients choose (member, order and refund ids): safe in a URL path.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExternalIdAttribute() : RegularExpressionAttribute("^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}$")
{
    public override string FormatErrorMessage(string name) =>
        $"{name} must be 1-100 characters of letters, digits and _ . : @ -, starting with a letter or digit.";
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CurrencyCodeAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || Currencies.IsKnown(value as string);

    public override string FormatErrorMessage(string name) => $"{name} must be an ISO 4217 currency code such as USD or CNY.";
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || TimeZones.IsKnown(value as string);

    public override string FormatErrorMessage(string name) => $"{name} must be an IANA time zone such as Asia/Shanghai.";
}

/// <summary>A non-negative amount of money with at most four decimals (the ledger's precision).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MoneyAttribute : ValidationAttribute
{
    public const decimal Max = 100_000_000m;

    public override bool IsValid(object? value) =>
        value is null || (value is decimal d && d >= 0 && d <= Max && decimal.Round(d, 4) == d);

    public override string FormatErrorMessage(string name) => $"{name} must be between 0 and {Max} with at most 4 decimals.";
}

/// <summary>Each tag short and plain; the list bounded.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TagsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is IReadOnlyCollection<string> tags && tags.Count <= 50 && tags.All(t => t is { Length: > 0 and <= 50 }));

    public override string FormatErrorMessage(string name) => $"{name} takes at most 50 tags of 1-50 characters each.";
}
