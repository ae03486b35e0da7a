using System.Text.RegularExpressions;
using CommunitySaaS.Rules.Sandbox;

namespace CommunitySaaS.Rules.Tests;

/// <summary>The allow-list in src/Rules/README.md is the one the validator applies, member for member.</summary>
public sealed partial class AllowListDocumentationTests
{
    private static readonly Dictionary<Type, string> Aliases = new()
    {
        [typeof(decimal)] = "decimal", [typeof(double)] = "double", [typeof(float)] = "float", [typeof(long)] = "long", [typeof(int)] = "int",
        [typeof(short)] = "short", [typeof(byte)] = "byte", [typeof(ulong)] = "ulong", [typeof(uint)] = "uint", [typeof(ushort)] = "ushort",
        [typeof(sbyte)] = "sbyte", [typeof(bool)] = "bool", [typeof(char)] = "char", [typeof(string)] = "string",
    };

    private static readonly string[] Table = ReadAllowListTable();

    public static TheoryData<string> Types() => [.. AllowedMembers.ByType.Keys.Select(type => type.FullName!)];

    [Theory]
    [MemberData(nameof(Types))]
    public void Readme_ListsExactlyTheAllowedMembers_ForEachType(string typeName)
    {
        var type = AllowedMembers.ByType.Keys.Single(candidate => candidate.FullName == typeName);
        var name = Aliases.GetValueOrDefault(type, type.Name);
        var row = Table.Single(line => Ticked().Matches(line.Split('|')[1]).Select(match => match.Groups[1].Value).Contains(name));

        Members(row).ShouldBe(AllowedMembers.ByType[type].Order(StringComparer.Ordinal), ignoreOrder: true);
    }

    [Fact]
    public void Readme_ListsExactlyTheAllowedMembers_ForCollections()
    {
        var row = Table.Single(line => line.Contains("`Nullable<T>`", StringComparison.Ordinal));

        Members(row).ShouldBe(AllowedMembers.Collections.Order(StringComparer.Ordinal), ignoreOrder: true);
    }

    private static string[] Members(string row) => [.. Ticked().Matches(row.Split('|')[2]).Select(match => match.Groups[1].Value)];

    private static string[] ReadAllowListTable()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "src", "Rules", "README.md")))
        {
            directory = directory.Parent;
        }

        var readme = File.ReadAllLines(Path.Combine(directory!.FullName, "src", "Rules", "README.md"));
        return [.. readme.SkipWhile(line => !line.StartsWith("| type | members rules may use |", StringComparison.Ordinal)).Skip(2).TakeWhile(line => line.StartsWith('|'))];
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Ticked();
}
