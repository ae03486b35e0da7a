using CommunitySaaS.Admin.Pages.DeadLetters;
using CommunitySaaS.Admin.Tests.Infrastructure;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Admin.Tests.Pages;

public sealed class DeadLettersTests : ConsoleTestContext
{
    [Fact]
    public async Task Render_ListsOnlyThisBrandsDeadLetters_WhenOperator()
    {
        SignIn(UserRoles.Operator);
        var mine = await DeadLetterAsync(BrandA, "handler exploded");
        await DeadLetterAsync(BrandB, "other brand's error");

        var page = RenderWithProviders<DeadLettersPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=dead-letter-row]").Count.ShouldBe(1));
        page.Markup.ShouldContain(mine);
        page.Markup.ShouldContain("handler exploded");
        page.Markup.ShouldNotContain("other brand's error");
    }

    [Fact]
    public async Task Replay_MakesTheEventPendingAgain_WhenConfirmed()
    {
        var id = await DeadLetterAsync(BrandA, "boom");
        var page = RenderWithProviders<DeadLettersPage>();
        await page.WaitForElementAsync($"[data-testid=replay-{id}]");

        var click = page.Find($"[data-testid=replay-{id}]").ClickAsync(new());
        await DialogProvider.WaitForElementAsync("[data-testid=confirm]");
        await DialogProvider.Find("[data-testid=confirm]").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.FindAll("[data-testid=dead-letter-row]").ShouldBeEmpty());
        await using var scope = Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters().SingleAsync(m => m.Id == id);
        message.DeadLetteredAt.ShouldBeNull();
        message.Attempts.ShouldBe(0);
    }

    [Fact]
    public void Page_RequiresTheOperatePolicy()
    {
        typeof(DeadLettersPage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false)
            .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().Single().Policy.ShouldBe(Security.ConsolePolicies.Operate);
    }

    /// <summary>A stored event as the dispatcher leaves it after its last failed attempt.</summary>
    private async Task<string> DeadLetterAsync(TenantInfo tenant, string error)
    {
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var e = new MemberActivity("mem_1", "checkin", null) { TenantId = tenant.Id, OccurredAt = DateTimeOffset.UtcNow };
        scope.ServiceProvider.GetRequiredService<IEventPublisher>().Publish(e);
        await db.SaveChangesAsync();
        await db.OutboxMessages.Where(m => m.Id == e.EventId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DeadLetteredAt, DateTimeOffset.UtcNow).SetProperty(m => m.Attempts, 10).SetProperty(m => m.LastError, error));
        return e.EventId;
    }
}
