namespace CommunitySaaS.E2E;

/// <summary>
/// The console's host with the delivery worker running (the Jobs role), so a test ping really leaves, and the SSRF guard
/// relaxed for the test's loopback receiver through the backend's own switches (as Development does), nothing else.
/// </summary>
public sealed class WebhookConsoleFixture() : ConsoleFixture(new Dictionary<string, string?>
{
    ["Roles"] = "Api,Admin,Jobs",
    ["Webhooks:AllowHttp"] = "true",
    ["Webhooks:AllowPrivateTargets"] = "true",
    ["Webhooks:PollSeconds"] = "0.1",
});

[CollectionDefinition(Name)]
public sealed class WebhookConsoleCollection : ICollectionFixture<WebhookConsoleFixture>
{
    public const string Name = "webhooks-console";
}
