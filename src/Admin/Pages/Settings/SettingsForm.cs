using CommunitySaaS.Core.Tenants;

namespace CommunitySaaS.Admin.Pages.Settings;

/// <summary>The editable shape of <see cref="UpdateTenantSettings"/>; the console always sends every field.</summary>
public sealed class SettingsForm
{
    public string? Name { get; set; }
    public string? Currency { get; set; }
    public string? TimeZone { get; set; }
    public int? ReturnWindowDays { get; set; }

    public static SettingsForm From(TenantView tenant) => new()
    {
        Name = tenant.Name, Currency = tenant.Currency, TimeZone = tenant.TimeZone, ReturnWindowDays = tenant.ReturnWindowDays,
    };

    public UpdateTenantSettings ToCommand() => new(Name ?? "", Currency?.Trim().ToUpperInvariant() ?? "", TimeZone?.Trim() ?? "", ReturnWindowDays);
}
