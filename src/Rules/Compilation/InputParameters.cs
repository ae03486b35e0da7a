using System.Linq.Expressions;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>
/// The names rules use for their inputs, and how each maps onto <see cref="RuleInputs"/> once parsed:
/// expressions are parsed against these typed parameters, then compiled as one-argument delegates
/// over <see cref="RuleInputs"/> so that evaluation passes a single reference.
/// </summary>
internal static class InputParameters
{
    public static readonly ParameterExpression Order = Expression.Parameter(typeof(OrderInput), "order");
    public static readonly ParameterExpression Member = Expression.Parameter(typeof(MemberInput), "member");
    public static readonly ParameterExpression Kos = Expression.Parameter(typeof(KosInput), "kos");
    public static readonly ParameterExpression Activity = Expression.Parameter(typeof(ActivityInput), "activity");
    public static readonly ParameterExpression Stats = Expression.Parameter(typeof(StatsInput), "stats");
    public static readonly ParameterExpression Now = Expression.Parameter(typeof(DateTimeOffset), "now");

    public static readonly ParameterExpression[] All = [Order, Member, Kos, Activity, Stats, Now];

    public static readonly string Names = string.Join(", ", All.Select(parameter => parameter.Name));

    /// <summary>Which KOS the <c>kos</c> name stands for: the bound KOS, or its upline in level-2 commission rules.</summary>
    public static Dictionary<ParameterExpression, Expression> Bindings(ParameterExpression inputs, bool kosIsUpline) => new()
    {
        [Order] = Expression.Property(inputs, nameof(RuleInputs.Order)),
        [Member] = Expression.Property(inputs, nameof(RuleInputs.Member)),
        [Kos] = Expression.Property(inputs, kosIsUpline ? nameof(RuleInputs.Upline) : nameof(RuleInputs.Kos)),
        [Activity] = Expression.Property(inputs, nameof(RuleInputs.Activity)),
        [Stats] = Expression.Property(inputs, nameof(RuleInputs.Stats)),
        [Now] = Expression.Property(inputs, nameof(RuleInputs.Now)),
    };
}
