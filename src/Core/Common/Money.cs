using System.Globalization;

namespace CommunitySaaS.Core.Common;

/// <summary>
/// An amount in a currency's minor units (cents, fen; yen have none), so amounts add, sort and sum exactly
/// in SQL on every provider. Rounding happens once, half away from zero, where an amount enters (see
/// <see cref="FromDecimal"/>); splits and reversals go through <see cref="Allocation"/>.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public int Exponent => Currencies.Exponent(Currency);

    /// <summary>The amount in major units, with exactly the currency's decimals (USD 12.00, JPY 1200, KWD 1.200).</summary>
    public decimal ToDecimal() => ToDecimal(Minor, Currency);

    /// <summary>Minor units as a decimal amount, without building a value (used inside query projections).</summary>
    public static decimal ToDecimal(long minor, string currency)
    {
        // Built from its parts so the scale is the currency's: JSON then shows 12.00, not 12.
        var magnitude = minor < 0 ? (ulong)(-(minor + 1)) + 1 : (ulong)minor;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, minor < 0, (byte)Currencies.Exponent(currency));
    }

    /// <summary>An exact conversion: null when <paramref name="amount"/> has more decimals than the currency, or does not fit.</summary>
    public static Money? TryFromDecimal(decimal amount, string currency)
    {
        var scale = Currencies.Scale(currency);
        // Checked before multiplying: decimal overflows past 7.9e28.
        if (Math.Abs(amount) > decimal.MaxValue / scale) return null;
        var scaled = amount * scale;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue) return null;
        return new Money((long)scaled, currency);
    }

    /// <summary>The one rounding rule: half away from zero to the minor unit.</summary>
    public static Money FromDecimal(decimal amount, string currency) =>
        new((long)decimal.Round(amount * Currencies.Scale(currency), 0, MidpointRounding.AwayFromZero), currency);

    public static Money Zero(string currency) => new(0, currency);

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.Minor), Same(a, b));

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.Minor), Same(a, b));

    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture) + " " + Currency;

    private static string Same(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}.");
}
