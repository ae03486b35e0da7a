using System.ComponentModel.DataAnnotations;
using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Tenancy;

namespace CommunitySaaS.Core.Tenants;

public sealed record CreateTenant(
    [property: Required, RegularExpression("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", ErrorMessage = "Slug must be 1-63 lowercase letters, digits or dashes.")] string Slug,
    [property: Required, MinLength(1), MaxLength(200)] string Name,
    [property: Required, CurrencyCode] string Currency,
    [property: Required, TimeZoneId] string TimeZone = "UTC",
    [property: Range(0, 365)] int ReturnWindowDays = 14) : IValidatableObject
{
    /// <summary>Slugs that name parts of the product in URLs (<c>/api/v1/platform</c>, <c>{slug}.host/admin</c>).</summary>
    private static readonly string[] Reserved = ["platform", "admin", "api", "www", "docs", "health"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Reserved.Contains(Slug)) yield return new ValidationResult($"'{Slug}' is reserved; choose another slug.", [nameof(Slug)]);
    }
}

/// <summary>Brand settings a tenant's Owner may change; absent fields are left as they were.</summary>
public sealed record UpdateTenantSettings(
    [property: MinLength(1), MaxLength(200)] string? Name = null,
    [property: CurrencyCode] string? Currency = null,
    [property: TimeZoneId] string? TimeZone = null,
    [property: Range(0, 365)] int? ReturnWindowDays = null);

public sealed record TenantView(string Id, string Slug, string Name, string Currency, string TimeZone, int ReturnWindowDays, TenantStatus Status, DateTimeOffset CreatedAt);

public sealed record CreatedTenant(TenantView Tenant, CreatedApiKey SecretKey);
