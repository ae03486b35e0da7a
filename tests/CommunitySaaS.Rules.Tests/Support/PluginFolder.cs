namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>A temporary plugins/ folder, filled with copies of built assemblies or arbitrary bytes.</summary>
internal sealed class PluginFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("plugins-").FullName;

    public PluginFolder CopyAssemblyOf(Type type)
    {
        var source = type.Assembly.Location;
        File.Copy(source, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(source)));
        return this;
    }

    public PluginFolder Write(string fileName, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, fileName), bytes);
        return this;
    }

    public void Dispose()
    {
        // Assemblies loaded from the folder stay mapped for the process's lifetime; leftover files are harmless.
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
        }
        catch (IOException)
        {
        }
    }
}
