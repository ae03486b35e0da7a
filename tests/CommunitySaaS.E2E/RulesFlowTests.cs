using Microsoft.Playwright;

namespace CommunitySaaS.E2E;

/// <summary>The rules console in a real browser: history, the editor's markers as you type, and the simulator. Nothing is saved.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RulesFlowTests(ConsoleFixture console)
{
    private const string DoublePoints = """
        {
          "WorkflowName": "points",
          "Rules": [
            {
              "RuleName": "OrderPaid",
              "Expression": "order.Total > 0",
              "Properties": { "event": "order.paid", "description": "Double points week" },
              "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "order.Total * 2" } } }
            }
          ]
        }
        """;

    [Fact]
    public async Task Rules_ShowsMarkersAndSimulation_WhenOperatorEditsDraft()
    {
        var page = await console.SignInAsync("operator@demo.example");
        await console.GotoAsync(page, "/admin/rules");
        await page.Locator("[data-testid=version-row]").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "rules");

        await page.ClickAsync("[data-testid=new-draft]");
        var editor = page.Locator("textarea[data-testid=editor]");
        await page.Locator("[data-testid=markers-valid]").WaitForAsync();
        await editor.FillAsync(DoublePoints.Replace("order.Total > 0", "System.IO.File.Exists(\\\"x\\\")", StringComparison.Ordinal));
        (await page.Locator("[data-testid=marker-rule]").First.InnerTextAsync()).ShouldBe("OrderPaid");
        await page.Locator("[data-testid=rule-bad]").WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "rules-editor");

        await editor.FillAsync(DoublePoints);
        await page.Locator("[data-testid=markers-valid]").WaitForAsync();
        await page.ClickAsync("[data-testid=simulate]");
        await page.Locator("[data-testid=sim-row][data-changed=true]").First.WaitForAsync();
        await ConsoleFixture.ScreenshotAsync(page, "rules-simulator");
        await page.Context.CloseAsync();
    }
}
