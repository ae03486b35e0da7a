using CommunitySaaS.Core.Communities;

namespace CommunitySaaS.Admin.Pages.Communities;

/// <summary>The editable shape of <see cref="SaveCommunity"/>; validated as that command (see CommandValidator).</summary>
public sealed class CommunityForm
{
    public string Name { get; set; } = "";
    public CommunityKind? Kind { get; set; } = CommunityKind.OnlineGroup;
    public string? LeaderExternalId { get; set; }
    public AddressForm Address { get; set; } = new();

    public static CommunityForm From(CommunityView view) => new()
    {
        Name = view.Name,
        Kind = view.Kind,
        LeaderExternalId = view.LeaderExternalId,
        Address = view.Address is { } a ? new AddressForm { Line = a.Line, City = a.City, Region = a.Region, PostalCode = a.PostalCode, Country = a.Country } : new AddressForm(),
    };

    public SaveCommunity ToCommand() => new(
        Name,
        Kind,
        string.IsNullOrWhiteSpace(LeaderExternalId) ? null : LeaderExternalId.Trim(),
        Kind == CommunityKind.OfflineStore ? Address.ToAddress() : null);
}

public sealed class AddressForm
{
    public string Line { get; set; } = "";
    public string City { get; set; } = "";
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string Country { get; set; } = "";

    public Address ToAddress() => new(Line, City, Blank(Region), Blank(PostalCode), Country.Trim().ToUpperInvariant());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
