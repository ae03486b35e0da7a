namespace CommunitySaaS.Plugins;

/// <summary>
/// A rules plugin: a named, versioned bundle of expression functions and output actions that a
/// tenant can enable for its rule sets. Implementations need a public parameterless constructor
/// so that the host can load them from a plugin assembly.
/// </summary>
public interface IRulesPlugin
{
    /// <summary>The name tenants enable the plugin by (for example <c>Calendar</c>); unique per host.</summary>
    string Name { get; }

    /// <summary>The plugin's version, shown in the console next to its name.</summary>
    Version Version { get; }

    /// <summary>What the plugin adds, in a sentence a brand admin understands.</summary>
    string Description { get; }

    /// <summary>
    /// Static classes whose public static methods become callable in rule expressions by the class's
    /// simple name (for example <c>Calendar.IsBirthdayMonth(member.Birthday, now)</c>). They must be
    /// pure functions of their arguments: no clocks, I/O or shared state.
    /// </summary>
    IReadOnlyList<Type> FunctionTypes { get; }

    /// <summary>Actions a rule can name in <c>Actions.OnSuccess.Name</c> to compute its output.</summary>
    IReadOnlyList<IRuleAction> Actions { get; }
}
