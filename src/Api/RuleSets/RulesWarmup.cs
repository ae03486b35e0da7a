using CommunitySaaS.Rules;

namespace CommunitySaaS.Api.RuleSets;

/// <summary>
/// A process's first rule compile pays ~250 ms of one-time JIT for the expression parser and compiler;
/// later compiles take a few milliseconds. Validating the templates once in the background at start
/// moves that cost off the first brand's publish or evaluation.
/// </summary>
internal sealed class RulesWarmup(IRuleSetValidator validator, ILogger<RulesWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        foreach (var kind in Enum.GetValues<RuleSetKind>())
        {
            var result = validator.Validate(kind, RuleSetTemplates.Default(kind), []);
            if (!result.IsValid) logger.LogWarning("The {Kind} template failed validation at warm-up", kind);
        }
    }, stoppingToken);
}
