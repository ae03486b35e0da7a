namespace CommunitySaaS.Core.Common;

/// <summary>
/// Splits an amount of minor units across weights so that the parts sum exactly to the amount: each part
/// gets its floor, then the units left over go to the largest remainders (ties to the earlier weight).
/// The one helper for order discounts over lines, refunds by amount over lines and proportional reversals.
/// </summary>
public static class Allocation
{
    public static long[] LargestRemainder(long amount, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var parts = new long[weights.Count];
        var total = 0m;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w);
            total += w;
        }
        if (total == 0 || amount == 0) return parts;

        var remainders = new (decimal Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)amount * weights[i] / total;
            parts[i] = (long)decimal.Floor(exact);
            given += parts[i];
            remainders[i] = (exact - parts[i], i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(amount - given)))
        {
            parts[index]++;
        }
        return parts;
    }
}
