using CommunitySaaS.Api.ApiKeys;
using CommunitySaaS.Api.Audit;
using CommunitySaaS.Api.Communities;
using CommunitySaaS.Api.Console;
using CommunitySaaS.Api.Docs;
using CommunitySaaS.Api.Health;
using CommunitySaaS.Api.Hosting;
using CommunitySaaS.Api.Idempotency;
using CommunitySaaS.Api.Jobs;
using CommunitySaaS.Api.Members;
using CommunitySaaS.Api.Memberships;
using CommunitySaaS.Api.Nightly;
using CommunitySaaS.Api.Observability;
using CommunitySaaS.Api.Orders;
using CommunitySaaS.Api.Outbox;
using CommunitySaaS.Api.Platform;
using CommunitySaaS.Api.Plugins;
using CommunitySaaS.Api.Points;
using CommunitySaaS.Api.Rewards;
using CommunitySaaS.Api.RuleSets;
using CommunitySaaS.Api.Security;
using CommunitySaaS.Api.Settings;
using CommunitySaaS.Api.Tenancy;
using CommunitySaaS.Api.Tiers;
using CommunitySaaS.Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddFoundation();
builder.AddHealth();
builder.AddObservability();
builder.AddApiDocs();
builder.AddApiSecurity();
builder.AddIdempotency();
builder.AddJobs();
builder.AddOutbox();
builder.AddApiKeys();
builder.AddMembers();
builder.AddCommunities();
builder.AddOrders();
builder.AddRuleSets();
builder.AddAuditLog();
builder.AddPoints();
builder.AddRewards();
builder.AddTiers();
builder.AddNightly();
builder.AddWebhooks();
builder.AddMemberships();
builder.AddAdminConsole();

var app = builder.Build();
if (await app.TryRunCommandAsync(args)) return;

app.UseFoundation();
app.UseApiAuthentication();
app.UseTenancy();
app.UseAuditActor();
app.UseAuthorization();
app.UseRateLimiter();
app.UseIdempotency();
app.UseAdminConsole();

app.MapHealthEndpoints();
app.MapObservability();
app.MapApiRole(api => api
    .MapApiDocs()
    .MapPlatformEndpoints()
    .MapSettingsEndpoints()
    .MapApiKeyEndpoints()
    .MapMemberEndpoints()
    .MapCommunityEndpoints()
    .MapOrderEndpoints()
    .MapRuleSetEndpoints()
    .MapPointsEndpoints()
    .MapRewardEndpoints()
    .MapPluginEndpoints()
    .MapAuditEndpoints()
    .MapTierEndpoints()
    .MapMemberTierEndpoints()
    .MapWebhookEndpoints()
    .MapMembershipsEndpoints());
app.MapAdminConsole();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests and benchmarks.</summary>
public partial class Program;
