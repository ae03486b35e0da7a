using System.Reflection;
using System.Runtime.Loader;

namespace CommunitySaaS.Rules.Plugins;

/// <summary>
/// Loads one external plugin assembly in isolation: its own dependencies come from the plugin folder,
/// while the SDK and the framework are shared with the host so that its <c>IRulesPlugin</c> is the host's.
/// </summary>
internal sealed class PluginLoadContext(string assemblyPath)
    : AssemblyLoadContext($"plugin:{Path.GetFileNameWithoutExtension(assemblyPath)}", isCollectible: false)
{
    private static readonly string SdkName = typeof(CommunitySaaS.Plugins.IRulesPlugin).Assembly.GetName().Name!;

    private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == SdkName)
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }
}
