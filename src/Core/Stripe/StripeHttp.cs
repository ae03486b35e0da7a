using global::Stripe;

namespace CommunitySaaS.Core.Stripe;

/// <summary>
/// One pooled HTTP connection set to Stripe for the process, shared by every brand's client (the key travels per
/// request); connections are recycled so a DNS change reaches us.
/// </summary>
public sealed class StripeHttp(StripeOptions options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
    };

    public IHttpClient Client => new SystemNetHttpClient(_http, maxNetworkRetries: 2);

    public void Dispose() => _http.Dispose();
}
