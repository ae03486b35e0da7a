using System.Reflection;
using CommunitySaaS.Plugins;

namespace CommunitySaaS.Rules.Plugins;

/// <summary>
/// Loads external plugins from the plugin folder: <c>plugins/Name.dll</c> or <c>plugins/Name/Name.dll</c>
/// (with its dependencies beside it). Only assembly names on the allow-list load; every failure is
/// reported and skipped so that a broken plugin never stops the host.
/// </summary>
internal static class ExternalPluginLoader
{
    public static List<(IRulesPlugin Plugin, string Source)> Load(RulesOptions options, List<PluginLoadError> errors)
    {
        var folder = Path.IsPathRooted(options.PluginFolder)
            ? options.PluginFolder
            : Path.Combine(AppContext.BaseDirectory, options.PluginFolder);
        var plugins = new List<(IRulesPlugin, string)>();
        if (!Directory.Exists(folder))
        {
            return plugins;
        }

        foreach (var file in Candidates(folder))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!options.AllowedPluginAssemblies.Contains(name))
            {
                errors.Add(new PluginLoadError(file, $"'{name}' is not in the allowed plugin assemblies, so it was not loaded."));
                continue;
            }

            try
            {
                plugins.AddRange(LoadFile(file, name, errors).Select(plugin => (plugin, file)));
            }
            catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException)
            {
                errors.Add(new PluginLoadError(file, $"The file is not a loadable .NET assembly: {exception.Message}"));
            }
            catch (ReflectionTypeLoadException exception)
            {
                var missing = exception.LoaderExceptions.FirstOrDefault()?.Message ?? exception.Message;
                errors.Add(new PluginLoadError(file, $"The plugin's types could not be loaded (a dependency is missing?): {missing}"));
            }
        }

        return plugins;
    }

    private static IEnumerable<string> Candidates(string folder) =>
        Directory.GetFiles(folder, "*.dll")
            .Concat(Directory.GetDirectories(folder)
                .Select(directory => Path.Combine(directory, $"{Path.GetFileName(directory)}.dll"))
                .Where(File.Exists))
            .Order(StringComparer.Ordinal);

    private static List<IRulesPlugin> LoadFile(string file, string name, List<PluginLoadError> errors)
    {
        var assemblyName = AssemblyName.GetAssemblyName(file);
        if (!string.Equals(assemblyName.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new PluginLoadError(file, $"The file is named '{name}' but holds the assembly '{assemblyName.Name}'; it was not loaded."));
            return [];
        }

        var assembly = new PluginLoadContext(file).LoadFromAssemblyPath(file);
        var pluginTypes = assembly.GetTypes()
            .Where(type => typeof(IRulesPlugin).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false, IsVisible: true })
            .ToList();
        if (pluginTypes.Count == 0)
        {
            errors.Add(new PluginLoadError(file, "The assembly has no public IRulesPlugin implementation."));
        }

        var plugins = new List<IRulesPlugin>();
        foreach (var type in pluginTypes)
        {
            try
            {
                plugins.Add((IRulesPlugin)Activator.CreateInstance(type)!);
            }
            catch (Exception exception) when (exception is TargetInvocationException or MissingMethodException or MemberAccessException)
            {
                var reason = exception.InnerException?.Message ?? exception.Message;
                errors.Add(new PluginLoadError($"{file} ({type.FullName})", $"The plugin could not be created: {reason}"));
            }
        }

        return plugins;
    }
}
