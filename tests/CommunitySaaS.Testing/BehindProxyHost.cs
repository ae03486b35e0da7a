using System.Net;
using CommunitySaaS.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Testing;

/// <summary>
/// The host as deployed behind a TLS-terminating proxy: every connection comes from <see cref="ProxyAddress"/>, which
/// <c>ForwardedHeaders:KnownProxies</c> trusts, and each test client names its own address in <c>X-Forwarded-For</c>,
/// so per-IP behaviour can be tested over the real pipeline.
/// </summary>
public class BehindProxyHost(DatabaseProvider provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    : TestHost(provider, WithProxy(settings), clock)
{
    public const string ProxyAddress = "10.20.30.40";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FromProxy>());
    }

    /// <summary>A client at <paramref name="clientAddress"/>, optionally arriving over HTTPS at the proxy.</summary>
    public HttpClient ClientFrom(string clientAddress, bool https = false, string? key = null, WebApplicationFactoryClientOptions? options = null)
    {
        var client = CreateClient(options ?? new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://app.example.com") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        if (https) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        if (key is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static Dictionary<string, string?> WithProxy(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        all.TryAdd("ForwardedHeaders:KnownProxies:0", ProxyAddress);
        return all;
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return inner(context);
            });
            next(app);
        };
    }
}
