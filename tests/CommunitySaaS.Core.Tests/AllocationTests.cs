using CommunitySaaS.Core.Common;

namespace CommunitySaaS.Core.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void LargestRemainder_GivesLeftoverUnitsToTheLargestRemainders_TiesToTheEarlierWeight()
    {
        Allocation.LargestRemainder(100, [1, 1, 1]).ShouldBe([34, 33, 33]);
        Allocation.LargestRemainder(10, [3, 3, 4]).ShouldBe([3, 3, 4]);
        Allocation.LargestRemainder(5, [1, 2]).ShouldBe([2, 3]);
        Allocation.LargestRemainder(1, [0, 5, 5]).ShouldBe([0, 1, 0]);
    }

    [Fact]
    public void LargestRemainder_SumsExactly_AndStaysWithinOneUnitOfTheExactShare_ForManyRandomSplits()
    {
        var random = new Random(20261202);
        for (var run = 0; run < 2_000; run++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.NextInt64(0, run % 2 == 0 ? 1_000 : long.MaxValue / 20)).ToList();
            if (weights.All(w => w == 0)) weights[0] = 1;
            var amount = random.NextInt64(0, run % 3 == 0 ? 10_000 : long.MaxValue / 2);
            var parts = Allocation.LargestRemainder(amount, weights);

            parts.Aggregate(Int128.Zero, (sum, p) => sum + p).ShouldBe((Int128)amount);
            var total = weights.Aggregate(Int128.Zero, (sum, w) => sum + w);
            for (var i = 0; i < parts.Length; i++)
            {
                var floor = (Int128)amount * weights[i] / total;
                ((Int128)parts[i] - floor).ShouldBeInRange(Int128.Zero, Int128.One);
            }
        }
    }

    [Fact]
    public void LargestRemainder_Refuses_WhenAnAmountWouldBeLostOnAllZeroWeightsOrIsNegative()
    {
        Allocation.LargestRemainder(0, [0, 0]).ShouldBe([0, 0]);
        Should.Throw<ArgumentException>(() => Allocation.LargestRemainder(1, [0, 0]));
        Should.Throw<ArgumentOutOfRangeException>(() => Allocation.LargestRemainder(-1, [1]));
        Should.Throw<ArgumentOutOfRangeException>(() => Allocation.LargestRemainder(1, [-1, 2]));
    }
}
