using CommunitySaaS.Core.Points;

namespace CommunitySaaS.Admin.Pages.Members;

/// <summary>The editable shape of <see cref="AdjustPoints"/>: validated as that command, as the REST API validates it.</summary>
public sealed class AdjustPointsForm
{
    public long? Points { get; set; }
    public string? Reason { get; set; }

    public AdjustPoints ToCommand() => new(Points, Reason ?? "");
}
