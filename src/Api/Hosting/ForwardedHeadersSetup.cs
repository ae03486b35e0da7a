using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommunitySaaS.Api.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy the request arrives as plain HTTP from the proxy's address. Trusting
/// <c>X-Forwarded-For</c>/<c>-Proto</c> from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges) gives back the client's address (for per-IP throttles) and
/// its scheme (so the console cookie is <c>Secure</c> and HSTS is sent). With neither set, only loopback proxies are trusted.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFrom(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "KnownProxies").Select(v => IPAddress.TryParse(v, out var ip) ? ip
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{v}' is not an IP address.")).ToList();
        var networks = Values(configuration, "KnownNetworks").Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{v}' is not a CIDR range such as 10.0.0.0/8.")).ToList();
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>A list in configuration (<c>KnownProxies:0</c>, …) or one comma-separated value (handy in an environment variable).</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
