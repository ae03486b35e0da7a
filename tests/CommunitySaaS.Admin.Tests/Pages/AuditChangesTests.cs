using System.Text.Json.Nodes;
using CommunitySaaS.Admin.Pages.Audit;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class AuditChangesTests : BunitContext
{
    [Fact]
    public void Render_ShowsBeforeAndAfter_WhenPropertiesChanged()
    {
        var changes = JsonNode.Parse("""{"role":{"before":"Operator","after":"Finance"},"name":{"after":"Ann"}}""")!.AsObject();

        var lines = Render<AuditChanges>(p => p.Add(c => c.Changes, changes)).FindAll("[data-testid=audit-change]").Select(l => l.TextContent).ToList();

        lines.ShouldBe(["role: \"Operator\" → \"Finance\"", "name: ∅ → \"Ann\""]);
    }

    [Fact]
    public void Render_ShowsTheValues_WhenANamedActionRecordedDetails()
    {
        var details = JsonNode.Parse("""{"deliveryId":"msg_1","versions":{"from":2,"to":3}}""")!.AsObject();

        var lines = Render<AuditChanges>(p => p.Add(c => c.Changes, details)).FindAll("[data-testid=audit-change]").Select(l => l.TextContent).ToList();

        lines.ShouldBe(["deliveryId: \"msg_1\"", "versions: {\"from\":2,\"to\":3}"]);
    }
}
