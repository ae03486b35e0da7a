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
        Int128 total = 0;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w);
            total += w;
        }
        if (amount == 0) return parts;
        if (total == 0) throw new ArgumentException("Cannot allocate an amount over weights that are all zero.", nameof(weights));

        // Integer arithmetic in 128 bits: amount x weight of two longs always fits, and the remainders compare
        // exactly (a decimal quotient would overflow at 1e29 and round its last digit).
        var remainders = new (Int128 Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var product = (Int128)amount * weights[i];
            parts[i] = (long)(product / total);
            given += parts[i];
            remainders[i] = (product % total, i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(amount - given)))
        {
            parts[index]++;
        }
        return parts;
    }
}
