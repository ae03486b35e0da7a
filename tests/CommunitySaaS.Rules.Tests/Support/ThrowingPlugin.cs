using CommunitySaaS.Plugins;

namespace CommunitySaaS.Rules.Tests.Support;

/// <summary>
/// A broken plugin: this test assembly is copied into a plugin folder to check that a plugin whose
/// constructor throws is reported and skipped. It is the assembly's only plugin.
/// </summary>
public sealed class ThrowingPlugin : IRulesPlugin
{
    public ThrowingPlugin() => throw new InvalidOperationException("licence file missing");

    public string Name => "Throwing";

    public Version Version => new(1, 0);

    public string Description => "Never constructs.";

    public IReadOnlyList<Type> FunctionTypes => [];

    public IReadOnlyList<IRuleAction> Actions => [];
}
