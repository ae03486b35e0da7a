using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

public sealed class RuleSetTemplateSeederTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Fact]
    public async Task Ensure_GivesAnExistingTenantOneActiveTemplatePerKind_AndIsIdempotent()
    {
        var tenant = await database.AddTenantAsync($"t{Guid.NewGuid():N}"[..10]);

        for (var run = 0; run < 2; run++)
        {
            await using var db = database.Open(tenant);
            await new RuleSetTemplateSeeder(db, TimeProvider.System).EnsureAsync();
        }

        await using var check = database.Open(tenant);
        var versions = await check.RuleSetVersions.OrderBy(v => v.Kind).ToListAsync();
        versions.Select(v => (v.Kind, v.Version, v.Status)).ShouldBe(
            [(RuleSetKind.Commission, 1, RuleSetStatus.Active), (RuleSetKind.Points, 1, RuleSetStatus.Active), (RuleSetKind.Tiers, 1, RuleSetStatus.Active)],
            ignoreOrder: true);
        versions.ShouldAllBe(v => v.WorkflowJson == RuleSetTemplates.Default(v.Kind));
    }

    [Fact]
    public async Task Ensure_AddsOnlyTheMissingKinds_WhenAKindAlreadyHasVersions()
    {
        var tenant = await database.AddTenantAsync($"t{Guid.NewGuid():N}"[..10]);
        await using (var db = database.Open(tenant))
        {
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                Kind = RuleSetKind.Points, Version = 1, Status = RuleSetStatus.Draft, WorkflowJson = "{}", CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            await new RuleSetTemplateSeeder(db, TimeProvider.System).EnsureAsync();
        }

        await using var check = database.Open(tenant);
        (await check.RuleSetVersions.CountAsync(v => v.Kind == RuleSetKind.Points)).ShouldBe(1);
        (await check.RuleSetVersions.CountAsync(v => v.Status == RuleSetStatus.Active)).ShouldBe(2);
    }

    [Fact]
    public async Task Ensure_SeedsEachKindExactlyOnce_WhenTwentySeedersRaceForOneTenant()
    {
        var tenant = await database.AddTenantAsync($"t{Guid.NewGuid():N}"[..10]);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Open(tenant);
            await new RuleSetTemplateSeeder(db, TimeProvider.System).EnsureAsync();
        })));

        await using var check = database.Open(tenant);
        (await check.RuleSetVersions.CountAsync()).ShouldBe(3);
        (await check.RuleSetVersions.CountAsync(v => v.Status == RuleSetStatus.Active)).ShouldBe(3);
    }
}
