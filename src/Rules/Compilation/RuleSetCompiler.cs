using CommunitySaaS.Plugins;
using CommunitySaaS.Rules.Definitions;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>
/// Reads, checks and compiles a whole rule set. Validation and the cache share it, so a rule set is
/// never evaluated without having passed every check that saving it requires.
/// </summary>
internal sealed class RuleSetCompiler(RulesOptions options, IPluginCatalog catalog, TimeProvider time)
{
    private readonly WorkflowReader _reader = new(options);

    public (CompiledRuleSet? RuleSet, IReadOnlyList<RuleSetError> Errors) Compile(
        RuleSetKind kind, string workflowJson, IReadOnlyCollection<string> enabledPlugins, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var errors = new ErrorList();
        var plugins = ResolvePlugins(enabledPlugins, errors);
        var workflow = _reader.Read(kind, workflowJson, errors);
        if (workflow is null || errors.Any)
        {
            return (null, errors.Items);
        }

        var functionTypes = plugins.SelectMany(plugin => plugin.FunctionTypes).ToArray();
        var actions = plugins.SelectMany(plugin => plugin.Actions).ToDictionary(action => action.Name, StringComparer.OrdinalIgnoreCase);
        var compiler = new ExpressionCompiler(options.Limits, new SandboxPolicy(functionTypes), functionTypes, Hints(plugins), time);
        var ruleCompiler = new RuleCompiler(kind, compiler, actions, HintsForActions(plugins));
        var rules = new List<CompiledRule>(workflow.Rules.Count);
        foreach (var rule in workflow.Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (time.GetElapsedTime(started).TotalMilliseconds > options.Limits.MaxValidationMilliseconds)
            {
                errors.Add(rule.Path, $"Checking the rule set took longer than {options.Limits.MaxValidationMilliseconds:N0} ms and stopped at this rule; "
                    + "split the rule set or simplify its expressions.", rule.Name);
                break;
            }

            var compiled = ruleCompiler.Compile(rule, errors);
            if (compiled is not null && rule.Enabled)
            {
                rules.Add(compiled);
            }
        }

        return errors.Any ? (null, errors.Items) : (new CompiledRuleSet(kind, rules, [.. plugins.Select(plugin => plugin.Name)]), []);
    }

    private List<IRulesPlugin> ResolvePlugins(IReadOnlyCollection<string> names, ErrorList errors)
    {
        var plugins = new List<IRulesPlugin>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var plugin = catalog.Find(name);
            if (plugin is null)
            {
                errors.Add("$", $"The plugin '{name}' is enabled for this brand but is not installed; installed plugins: "
                    + (catalog.Plugins.Count == 0 ? "none." : string.Join(", ", catalog.Plugins.Select(info => info.Name)) + "."));
            }
            else
            {
                plugins.Add(plugin);
            }
        }

        return plugins;
    }

    private PluginHints Hints(List<IRulesPlugin> enabled) => new(Disabled(enabled)
        .SelectMany(plugin => plugin.FunctionTypes.Select(type => (type.Name, plugin.Name)))
        .DistinctBy(pair => pair.Item1, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.OrdinalIgnoreCase));

    private Dictionary<string, string> HintsForActions(List<IRulesPlugin> enabled) => Disabled(enabled)
        .SelectMany(plugin => plugin.Actions.Select(action => (action.Name, Plugin: plugin.Name)))
        .DistinctBy(pair => pair.Item1, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(pair => pair.Item1, pair => pair.Plugin, StringComparer.OrdinalIgnoreCase);

    private IEnumerable<IRulesPlugin> Disabled(List<IRulesPlugin> enabled) => catalog.Plugins
        .Where(info => !enabled.Any(plugin => string.Equals(plugin.Name, info.Name, StringComparison.OrdinalIgnoreCase)))
        .Select(info => catalog.Find(info.Name)!);
}
