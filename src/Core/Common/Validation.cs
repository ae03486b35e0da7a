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

/// <summary>A decimal from 0 to 100 with at most four decimals: the database keeps four, so a finer value would be rounded silently.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PercentLikeAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is decimal d && d >= 0 && d <= 100 && decimal.Round(d, 4) == d);

    public override string FormatErrorMessage(string name) => $"{name} must be from 0 to 100 with at most 4 decimals.";
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

/// <summary>Each tag short, plain and not blank; the list bounded.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TagsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is IReadOnlyCollection<string?> tags && tags.Count <= 50
            && tags.All(t => t is { Length: <= 50 } && !string.IsNullOrWhiteSpace(t) && !PlainText.HasForbiddenCharacters(t)));

    public override string FormatErrorMessage(string name) => $"{name} takes at most 50 tags of 1-50 characters each, none blank and without control characters.";
}

/// <summary>Text a person reads (names, address lines): when present, not blank, and free of control and bidirectional-override characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || (value is string text && !string.IsNullOrWhiteSpace(text) && !PlainText.HasForbiddenCharacters(text));

    public override string FormatErrorMessage(string name) => $"{name} must not be blank or contain control characters.";
}

/// <summary>A date that has happened (a birthday): not after tomorrow in UTC, which is today somewhere on Earth, and not before 1900.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PastDateAttribute : ValidationAttribute
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not DateOnly date) return ValidationResult.Success;
        var time = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var latest = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);
        return date >= Earliest && date <= latest
            ? ValidationResult.Success
            : new ValidationResult(FormatErrorMessage(validationContext.DisplayName), validationContext.MemberName is { } member ? [member] : null);
    }

    public override string FormatErrorMessage(string name) => $"{name} must be a date in the past, from 1900 on.";
}
