using System.Text.Json;

namespace CommunitySaaS.Rules.Definitions;

/// <summary>Reads and checks a rule's <c>Properties</c> for the rule set's kind.</summary>
internal sealed class PropertiesReader(RulesOptions options)
{
    private static readonly Dictionary<RuleSetKind, string[]> Known = new()
    {
        [RuleSetKind.Points] = ["event", "priority", "exclusive", "multiplier", "tier", "limit", "per", "delayDays", "description"],
        [RuleSetKind.Tiers] = ["tier", "priority", "description"],
        [RuleSetKind.Commission] = ["level", "priority", "basis", "cap", "description"],
    };

    public RuleProperties? Read(RuleSetKind kind, JsonElement rule, string rulePath, string name, ErrorList errors)
    {
        if (!rule.TryGet("Properties", out var element, out var path, rulePath) || element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"Properties is required for {kind.ToString().ToLowerInvariant()} rules: {Required(kind)}.", name);
            return null;
        }

        var reader = new PropertyReader(element, path, name, errors, options.Limits.MaxNameLength);
        foreach (var property in element.EnumerateObject())
        {
            if (!Known[kind].Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{path}.{property.Name}",
                    $"Unknown property '{property.Name}'; {kind.ToString().ToLowerInvariant()} rules use {string.Join(", ", Known[kind])}.", name);
            }
        }

        return kind switch
        {
            RuleSetKind.Points => ReadPoints(reader),
            RuleSetKind.Tiers => ReadTiers(reader),
            _ => ReadCommission(reader),
        };
    }

    private RuleProperties ReadPoints(PropertyReader reader)
    {
        var eventName = reader.String("event", required: true);
        if (eventName is not null && !options.IsPointsEvent(eventName))
        {
            reader.Error("event",
                $"Unknown event '{eventName}'; points rules react to {string.Join(", ", options.PointsEvents.Order())} or a custom activity ('{RulesOptions.CustomEventPrefix}name').");
        }

        var limit = reader.Int("limit", required: false, min: 1, max: 1_000_000);
        var perText = reader.String("per", required: false);
        RulePeriod? per = null;
        if (perText is not null)
        {
            if (Enum.TryParse<RulePeriod>(perText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) per = parsed;
            else reader.Error("per", "per is \"day\", \"week\", \"month\" or \"lifetime\" (in the brand's time zone, per member).");
        }
        if (limit is not null && perText is null) reader.Error("per", "A rule with a limit says per what: \"day\", \"week\", \"month\" or \"lifetime\".");
        if (limit is null && perText is not null) reader.Error("limit", "per needs a limit: how many times per period the rule may earn.");

        return new RuleProperties(
            Limit: limit is { } count && per is { } period ? new RuleLimit(count, period) : null,
            DelayDays: reader.Int("delayDays", required: false, min: 0, max: 3_650) ?? 0,
            Event: eventName,
            Priority: reader.Int("priority", required: false, min: -1_000, max: 1_000) ?? 0,
            Exclusive: reader.Bool("exclusive") ?? false,
            Multiplier: reader.Bool("multiplier") ?? false,
            Tier: reader.String("tier", required: false));
    }

    private static RuleProperties ReadTiers(PropertyReader reader) => new(
        Tier: reader.String("tier", required: true),
        Priority: reader.Int("priority", required: true, min: -1_000, max: 1_000) ?? 0);

    private static RuleProperties ReadCommission(PropertyReader reader)
    {
        var basisText = reader.String("basis", required: false);
        var basis = CommissionBasis.Rate;
        if (basisText is not null && !Enum.TryParse(basisText, ignoreCase: true, out basis))
        {
            reader.Error("basis", "basis is \"rate\" (the output is a rate of the order total, 0.10 = 10%) or \"fixed\" (an amount).");
        }

        return new RuleProperties(
            Level: reader.Int("level", required: true, min: 1, max: 2) ?? 0,
            Priority: reader.Int("priority", required: false, min: -1_000, max: 1_000) ?? 0,
            Basis: basis,
            Cap: reader.Decimal("cap", min: 0));
    }

    private static string Required(RuleSetKind kind) => kind switch
    {
        RuleSetKind.Points => "\"event\" (e.g. \"order.paid\"), optional \"priority\", \"exclusive\", \"multiplier\", \"tier\", \"limit\" with \"per\", \"delayDays\"",
        RuleSetKind.Tiers => "\"tier\" (the tier's name) and \"priority\" (higher ranks the tier higher)",
        _ => "\"level\" (1 or 2), optional \"priority\", \"basis\" (\"rate\" or \"fixed\"), \"cap\"",
    };
}
