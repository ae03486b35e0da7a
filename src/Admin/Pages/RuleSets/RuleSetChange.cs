namespace CommunitySaaS.Admin.Pages.RuleSets;

/// <summary>The two ways a version becomes the active one.</summary>
public enum RuleSetChange
{
    /// <summary>A draft becomes active.</summary>
    Publish,

    /// <summary>An earlier published version is copied into a new version that becomes active.</summary>
    Rollback,
}
