namespace CommunitySaaS.Plugins.Calendar;

/// <summary>Date functions for seasonal and birthday rewards.</summary>
public sealed class CalendarPlugin : IRulesPlugin
{
    public string Name => "Calendar";

    public Version Version { get; } = new(1, 0, 0);

    public string Description =>
        "Birthday month, weekday and public-holiday checks, e.g. Calendar.IsBirthdayMonth(member.Birthday, now).";

    public IReadOnlyList<Type> FunctionTypes { get; } = [typeof(Calendar)];

    public IReadOnlyList<IRuleAction> Actions { get; } = [];
}
