namespace CommunitySaaS.Rules.Definitions;

/// <summary>Collects validation errors while a rule set is read and compiled.</summary>
internal sealed class ErrorList
{
    private readonly List<RuleSetError> _errors = [];

    public IReadOnlyList<RuleSetError> Items => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message, string? rule = null, string? expression = null) =>
        _errors.Add(new RuleSetError(rule, expression, message, path));
}
