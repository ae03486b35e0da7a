using CommunitySaaS.Core.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Points;

/// <summary>Until tiers are built, no member holds one (multiplier 1); the tiers feature's reader replaces it.</summary>
internal sealed class NoTierYet : IMemberTierReader
{
    public Task<MemberTierView?> GetCurrentAsync(string memberId, CancellationToken ct = default) => Task.FromResult<MemberTierView?>(null);
}

internal static class NoTierYetSetup
{
    public static IServiceCollection AddNoTierYet(this IServiceCollection services)
    {
        services.TryAddScoped<IMemberTierReader, NoTierYet>();
        return services;
    }
}
