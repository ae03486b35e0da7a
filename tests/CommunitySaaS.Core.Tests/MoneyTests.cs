using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12.5", "USD", 1250L)]
    [InlineData("1200", "JPY", 1200L)]
    [InlineData("1.2", "KWD", 1200L)]
    [InlineData("0", "USD", 0L)]
    [InlineData("-3.07", "EUR", -307L)]
    public void TryFromDecimal_ConvertsExactly_WhenTheAmountHasNoMoreDecimalsThanTheCurrency(string amount, string currency, long minor)
    {
        Money.TryFromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBe(new Money(minor, currency));
    }

    [Theory]
    [InlineData("0.5", "JPY")]
    [InlineData("12.345", "USD")]
    [InlineData("1.0001", "KWD")]
    [InlineData("79228162514264337593543950335", "KWD")]
    [InlineData("92233720368547758.08", "USD")]
    public void TryFromDecimal_ReturnsNull_WhenTheAmountHasMoreDecimalsOrDoesNotFit(string amount, string currency)
    {
        Money.TryFromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBeNull();
    }

    [Theory]
    [InlineData("0.125", "USD", 13L)]
    [InlineData("-0.125", "USD", -13L)]
    [InlineData("0.124", "USD", 12L)]
    [InlineData("2.5", "JPY", 3L)]
    [InlineData("1.0005", "KWD", 1001L)]
    public void FromDecimal_RoundsHalfAwayFromZero_WhenTheAmountHasMoreDecimals(string amount, string currency, long minor)
    {
        Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).Minor.ShouldBe(minor);
    }

    [Theory]
    [InlineData(1200L, "USD", "12.00")]
    [InlineData(1200L, "JPY", "1200")]
    [InlineData(1200L, "KWD", "1.200")]
    [InlineData(-5L, "USD", "-0.05")]
    [InlineData(long.MaxValue, "USD", "92233720368547758.07")]
    [InlineData(long.MinValue, "USD", "-92233720368547758.08")]
    public void ToDecimal_KeepsTheCurrencysDecimals(long minor, string currency, string expected)
    {
        var value = new Money(minor, currency).ToDecimal();
        value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        Money.TryFromDecimal(value, currency).ShouldBe(new Money(minor, currency));
    }

    [Fact]
    public void Operators_RefuseToMixCurrencies_AndToOverflow()
    {
        (new Money(150, "USD") + new Money(50, "USD")).ShouldBe(new Money(200, "USD"));
        Should.Throw<InvalidOperationException>(() => new Money(1, "USD") + new Money(1, "EUR"));
        Should.Throw<OverflowException>(() => new Money(long.MaxValue, "USD") + new Money(1, "USD"));
    }

    [Fact]
    public void Exponent_FollowsIso4217_AndRefusesUnknownCodes()
    {
        Currencies.Exponent("JPY").ShouldBe(0);
        Currencies.Exponent("CNY").ShouldBe(2);
        Currencies.Exponent("BHD").ShouldBe(3);
        Should.Throw<ArgumentException>(() => Currencies.Exponent("XXQ"));
    }
}
