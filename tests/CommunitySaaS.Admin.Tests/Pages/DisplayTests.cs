using CommunitySaaS.Admin.Shared;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class DisplayTests
{
    [Theory]
    [InlineData("1200", "JPY", "1,200 JPY")]
    [InlineData("12", "USD", "12.00 USD")]
    [InlineData("1234567.5", "USD", "1,234,567.50 USD")]
    [InlineData("1.2", "KWD", "1.200 KWD")]
    [InlineData("0", "CLP", "0 CLP")]
    public void Money_WritesTheCurrencysOwnDecimals(string amount, string currency, string expected)
    {
        Display.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBe(expected);
    }
}
