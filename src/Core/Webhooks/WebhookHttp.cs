using System.Net.Sockets;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>
/// The one HTTP client deliveries use. It connects only to addresses the guard allows, resolved at connect time, so
/// a host that resolved to a public address when the endpoint was saved and to an internal one now is refused; and it
/// never follows redirects, which could point anywhere.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(WebhookUrlGuard guard, WebhookOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await guard.AllowedAddressesAsync(context.DnsEndPoint.Host, ct);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        Client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
