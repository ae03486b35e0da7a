using CommunitySaaS.Core.Points;
using FsCheck;
using FsCheck.Fluent;

namespace CommunitySaaS.Api.Tests.Points;

/// <summary>One thing that moves a member's points, as the property tests generate them.</summary>
public abstract record LedgerOp
{
    public sealed record Order(int Member, int Quantity) : LedgerOp;
    public sealed record Activity(int Member, string Type) : LedgerOp;
    /// <summary>Refunds one unit of a line (1 = the tea line, 2 = the mug) of the n-th order placed so far.</summary>
    public sealed record RefundLine(int OrderIndex, int Line) : LedgerOp;
    public sealed record RefundAll(int OrderIndex) : LedgerOp;
    public sealed record Redeem(int Member, int Points) : LedgerOp;
    /// <summary>Cancels the n-th redemption tried so far (one that was refused gives nothing back).</summary>
    public sealed record CancelRedemption(int Redemption) : LedgerOp;
    public sealed record Adjust(int Member, int Points) : LedgerOp;
    /// <summary>Moves the clock on by that many days and runs the night's release and expiry at the new time.</summary>
    public sealed record Night(int Days) : LedgerOp;
}

/// <summary>A brand's policy and what happens to its members, in order.</summary>
public sealed record LedgerScenario(ReturnPolicy ReturnPolicy, int ExpiryMonths, int? PendingDelayDays, IReadOnlyList<LedgerOp> Ops)
{
    public const int Members = 3;

    public override string ToString() =>
        $"{ReturnPolicy}, expiry {ExpiryMonths} month(s), pending {PendingDelayDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "until the return window"}:\n  "
        + string.Join("\n  ", Ops);

    public static Arbitrary<LedgerScenario> Arbitrary(int minOps, int maxOps) => Arb.From(Generator(minOps, maxOps), Shrink);

    private static Gen<LedgerScenario> Generator(int minOps, int maxOps) =>
        from policy in Gen.Elements(ReturnPolicy.ReversePendingOnly, ReturnPolicy.ReverseWithinAvailable, ReturnPolicy.ReverseFully)
        from months in Gen.Choose(1, 3)
        from delay in Gen.Elements<int?>(0, 3, 10, null)
        from count in Gen.Choose(minOps, maxOps)
        from ops in Gen.ListOf(Op, count)
        select new LedgerScenario(policy, months, delay, ops.ToList());

    private static readonly Gen<int> Member = Gen.Choose(0, Members - 1);

    private static readonly Gen<LedgerOp> Op = Gen.Frequency(
        (6, from m in Member from q in Gen.Choose(1, 4) select (LedgerOp)new LedgerOp.Order(m, q)),
        (2, from m in Member from t in Gen.Elements("checkin", "review", "signin") select (LedgerOp)new LedgerOp.Activity(m, t)),
        (3, from o in Gen.Choose(0, 9) from l in Gen.Choose(1, 2) select (LedgerOp)new LedgerOp.RefundLine(o, l)),
        (1, from o in Gen.Choose(0, 9) select (LedgerOp)new LedgerOp.RefundAll(o)),
        (4, from m in Member from p in Gen.Choose(1, 60) select (LedgerOp)new LedgerOp.Redeem(m, p)),
        (2, from r in Gen.Choose(0, 9) select (LedgerOp)new LedgerOp.CancelRedemption(r)),
        (2, from m in Member from p in Gen.Choose(-40, 40).Where(p => p != 0) select (LedgerOp)new LedgerOp.Adjust(m, p)),
        (3, from d in Gen.Elements(1, 5, 12, 35, 70) select (LedgerOp)new LedgerOp.Night(d)));

    /// <summary>Shorter histories first: halves, then one operation less, so a failure is reported at its smallest.</summary>
    private static IEnumerable<LedgerScenario> Shrink(LedgerScenario s)
    {
        var n = s.Ops.Count;
        if (n > 1)
        {
            yield return s with { Ops = s.Ops.Take(n / 2).ToList() };
            yield return s with { Ops = s.Ops.Skip(n / 2).ToList() };
        }
        for (var i = n - 1; i >= 0; i--) yield return s with { Ops = s.Ops.Where((_, j) => j != i).ToList() };
    }
}
