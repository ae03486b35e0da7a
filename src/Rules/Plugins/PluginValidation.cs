using System.Reflection;
using CommunitySaaS.Plugins;

namespace CommunitySaaS.Rules.Plugins;

/// <summary>Checks that a plugin is usable before it joins the catalog.</summary>
internal static class PluginValidation
{
    public static string? Problem(IRulesPlugin plugin)
    {
        if (string.IsNullOrWhiteSpace(plugin.Name) || plugin.Version is null || plugin.FunctionTypes is null || plugin.Actions is null)
        {
            return "The plugin must have a Name, a Version, FunctionTypes and Actions.";
        }

        foreach (var type in plugin.FunctionTypes)
        {
            // Only static classes of the plugin's own assembly, so a plugin cannot open framework types to rules.
            if (type is null || !type.IsClass || !type.IsAbstract || !type.IsSealed || type.Assembly != plugin.GetType().Assembly)
            {
                return $"Function type {type?.FullName ?? "null"} must be a static class in the plugin's own assembly.";
            }
        }

        return null;
    }

    public static PluginInfo Describe(IRulesPlugin plugin, string source) => new(
        plugin.Name,
        plugin.Version,
        plugin.Description,
        [.. plugin.FunctionTypes.SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => $"{type.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(parameter => parameter.Name))})"))],
        [.. plugin.Actions.Select(action => action.Name)],
        source);
}
