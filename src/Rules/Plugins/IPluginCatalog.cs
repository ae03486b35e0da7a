using CommunitySaaS.Plugins;

namespace CommunitySaaS.Rules;

/// <summary>The plugins this host offers: the built-in ones and the allowed external ones that loaded.</summary>
public interface IPluginCatalog
{
    /// <summary>Every usable plugin, for the console's plugin list.</summary>
    IReadOnlyList<PluginInfo> Plugins { get; }

    /// <summary>Plugins that were skipped, and why (not allowed, not an assembly, constructor threw, ...).</summary>
    IReadOnlyList<PluginLoadError> LoadErrors { get; }

    /// <summary>The plugin named <paramref name="name"/> (case-insensitive), or null.</summary>
    IRulesPlugin? Find(string name);
}

/// <summary>What a plugin offers, as the console shows it.</summary>
/// <param name="Name">The name tenants enable it by.</param>
/// <param name="Version">Its version.</param>
/// <param name="Description">What it adds.</param>
/// <param name="Functions">Its expression functions, e.g. <c>Calendar.IsBirthdayMonth(birthday, now)</c>.</param>
/// <param name="Actions">Its action names, for <c>Actions.OnSuccess.Name</c>.</param>
/// <param name="Source"><c>built-in</c>, or the file it loaded from.</param>
public sealed record PluginInfo(
    string Name,
    Version Version,
    string Description,
    IReadOnlyList<string> Functions,
    IReadOnlyList<string> Actions,
    string Source);

/// <summary>A plugin that could not be used.</summary>
/// <param name="Source">The file or type at fault.</param>
/// <param name="Message">Why it was skipped.</param>
public sealed record PluginLoadError(string Source, string Message);
