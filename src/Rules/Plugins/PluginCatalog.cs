using CommunitySaaS.Plugins;
using CommunitySaaS.Rules.Plugins;

namespace CommunitySaaS.Rules;

/// <summary>The built-in plugins registered in DI plus the allowed external plugins from the plugin folder.</summary>
internal sealed class PluginCatalog : IPluginCatalog
{
    private readonly Dictionary<string, IRulesPlugin> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _functionTypeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _actionNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PluginInfo> _plugins = [];
    private readonly List<PluginLoadError> _errors = [];

    public PluginCatalog(IEnumerable<IRulesPlugin> builtIns, RulesOptions options)
    {
        foreach (var plugin in builtIns)
        {
            Add(plugin, "built-in");
        }

        foreach (var (plugin, source) in ExternalPluginLoader.Load(options, _errors))
        {
            Add(plugin, source);
        }
    }

    public IReadOnlyList<PluginInfo> Plugins => _plugins;

    public IReadOnlyList<PluginLoadError> LoadErrors => _errors;

    public IRulesPlugin? Find(string name) => _byName.GetValueOrDefault(name);

    private void Add(IRulesPlugin plugin, string source)
    {
        string? problem;
        try
        {
            problem = PluginValidation.Problem(plugin) ?? Conflict(plugin);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            problem = $"The plugin failed while describing itself: {exception.Message}";
        }

        if (problem is not null)
        {
            _errors.Add(new PluginLoadError(source, problem));
            return;
        }

        _byName.Add(plugin.Name, plugin);
        _functionTypeNames.UnionWith(plugin.FunctionTypes.Select(type => type.Name));
        _actionNames.UnionWith(plugin.Actions.Select(action => action.Name));
        _plugins.Add(PluginValidation.Describe(plugin, source));
    }

    // Rules name function classes and actions without the plugin's name, so they must be unique across plugins.
    private string? Conflict(IRulesPlugin plugin)
    {
        if (_byName.ContainsKey(plugin.Name))
        {
            return $"Another plugin is already named '{plugin.Name}'.";
        }

        var type = plugin.FunctionTypes.FirstOrDefault(type => _functionTypeNames.Contains(type.Name));
        if (type is not null)
        {
            return $"Another plugin already has a function class named '{type.Name}'.";
        }

        var action = plugin.Actions.FirstOrDefault(action => _actionNames.Contains(action.Name));
        return action is null ? null : $"Another plugin already has an action named '{action.Name}'.";
    }
}
