using System.Net;
using System.Net.Sockets;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// Keeps webhooks from reaching the platform's own network (SSRF): an endpoint must be https (http only when allowed)
/// and every address its host resolves to must be public. Checked when an endpoint is saved and again on each connect
/// (<see cref="WebhookHttp"/>), so a name that later resolves inward (DNS rebinding) is refused at delivery too.
/// </summary>
public sealed class WebhookUrlGuard(WebhookOptions options)
{
    /// <summary>Why the URL is refused, or null when it may be used.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return "url must be an absolute https:// URL.";
        }
        if (uri.Scheme == "http" && !options.AllowHttp) return "url must use https.";
        if (uri.UserInfo.Length > 0) return "url must not carry credentials.";
        if (uri.Fragment.Length > 0) return "url must not have a fragment.";
        if (options.AllowPrivateTargets) return null;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.DnsSafeHost, ct);
        }
        catch (SocketException)
        {
            return $"url's host '{uri.Host}' does not resolve.";
        }
        return addresses.Length == 0 ? $"url's host '{uri.Host}' does not resolve."
            : addresses.FirstOrDefault(IsInternal) is { } inward ? $"url's host '{uri.Host}' resolves to {inward}, an internal address." : null;
    }

    /// <summary>The addresses a connection may use: all public ones of the host, or all when private targets are allowed.</summary>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken ct)
    {
        var addresses = await ResolveAsync(host, ct);
        if (options.AllowPrivateTargets) return addresses;
        return addresses.FirstOrDefault(IsInternal) is { } inward
            ? throw new WebhookTargetRefusedException($"{host} resolves to {inward}, an internal address.")
            : addresses;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork) return IsInternalV4(address.GetAddressBytes());
        var b = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return true;
        if ((b[0] & 0xFE) == 0xFC) return true;
        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address that is checked as such.
        var compatible = b.Take(12).All(x => x == 0);
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0);
        return (compatible || nat64) && IsInternalV4(b[12..]);
    }

    private static bool IsInternalV4(byte[] b) =>
        b[0] is 0 or 10 or 127 || b[0] >= 224
        || (b[0] == 100 && (b[1] & 0xC0) == 64)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || (b[0] == 198 && (b[1] & 0xFE) == 18);
}

public sealed class WebhookTargetRefusedException(string message) : Exception(message);
