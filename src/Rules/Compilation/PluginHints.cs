using System.Linq.Dynamic.Core.Exceptions;
using System.Text.RegularExpressions;

namespace CommunitySaaS.Rules.Compilation;

/// <summary>Rewords parser errors for brand admins, naming the plugin to enable when a function belongs to one.</summary>
internal sealed partial class PluginHints(IReadOnlyDictionary<string, string> disabledPluginByTypeName)
{
    public string Explain(Exception exception)
    {
        var unknown = UnknownIdentifier().Match(exception.Message);
        if (unknown.Success)
        {
            var name = unknown.Groups[1].Value;
            return disabledPluginByTypeName.TryGetValue(name, out var plugin)
                ? $"'{name}' comes from the {plugin} plugin, which is not enabled for this brand; enable it or remove the call."
                : $"'{name}' is not available in rules. Rules may use the inputs ({InputParameters.Names}), math, text and date functions, and the functions of the plugins enabled for this brand.";
        }

        return exception is ParseException parse
            ? $"{parse.Message.TrimEnd('.')} (at character {parse.Position + 1})."
            : exception.Message;
    }

    [GeneratedRegex("Unknown identifier '([^']+)'")]
    private static partial Regex UnknownIdentifier();
}
