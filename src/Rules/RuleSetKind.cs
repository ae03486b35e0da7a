namespace CommunitySaaS.Rules;

/// <summary>The three kinds of rule set a tenant keeps, each versioned on its own.</summary>
public enum RuleSetKind
{
    /// <summary>Points earned per event (order paid, check-in, review, referral, sign-in, ...).</summary>
    Points,

    /// <summary>Membership tiers earned from a member's 12-month statistics.</summary>
    Tiers,

    /// <summary>KOS commission per level (1 = the bound KOS, 2 = that KOS's upline).</summary>
    Commission,
}
