using Microsoft.Extensions.Hosting;

namespace CommunitySaaS.Core.Webhooks;

/// <summary>Runs the delivery dispatcher on every node with the Jobs role; claims keep two nodes from sending one delivery twice.</summary>
internal sealed class WebhookWorker(WebhookDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
