using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunitySaaS.Core.Webhooks;

public static class WebhooksSetup
{
    /// <summary>
    /// Webhook endpoints, the fan-out of every catalogued event type, and (with <paramref name="runWorker"/>) the delivery
    /// worker with the backfill of legacy plain secrets. Options come from the <c>Webhooks</c> section; <paramref name="development"/> allows http and private targets.
    /// </summary>
    public static IServiceCollection AddWebhooksFeature(this IServiceCollection services, IConfiguration? configuration, bool development, bool runWorker)
    {
        var options = configuration?.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        if (development) (options.AllowHttp, options.AllowPrivateTargets) = (true, true);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSecretKeyRing();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSecretBackfill>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<WebhookHttp>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookClaims>();
        services.AddSingleton(sp => new WebhookDispatcher(sp.GetRequiredService<WebhookClaims>(), sp.GetRequiredService<WebhookSender>(),
            sp.GetRequiredService<WebhookSignal>(), options, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WebhookDispatcher>>()));
        services.AddScoped<WebhookEndpointService>();
        foreach (var type in WebhookCatalogue.DomainEvents)
        {
            services.AddScoped(typeof(IDomainEventHandler<>).MakeGenericType(type.EventType!), typeof(WebhookFanOut<>).MakeGenericType(type.EventType!));
            services.TryAddScoped(typeof(IWebhookData<>).MakeGenericType(type.EventType!), type.DataSource!);
        }
        if (runWorker)
        {
            services.AddHostedService<WebhookSecretBackfillWorker>();
            services.AddHostedService<WebhookWorker>();
        }
        return services;
    }
}
