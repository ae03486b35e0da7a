using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Core.Tests;

public sealed class GroupCommitTests(CoreDatabase database) : IClassFixture<CoreDatabase>
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SaveAsync_CommitsEveryUnit_AndRefusesOnlyTheDuplicate_WhenUnitsArriveTogether(int writers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = database.Options.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPersistence(configuration);
        services.AddScoped<ITenantContext, TenantContext>();
        await using var provider = services.BuildServiceProvider();
        await using var commit = new GroupCommit(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<GroupCommit>.Instance, writers);
        var a = await database.AddTenantAsync($"g{Guid.NewGuid():N}"[..10]);
        var b = await database.AddTenantAsync($"g{Guid.NewGuid():N}"[..10]);

        async Task<bool> Insert(TenantInfo tenant, string externalId)
        {
            await using var db = database.Open(tenant);
            db.Members.Add(new Member { ExternalId = externalId, CreatedAt = DateTimeOffset.UtcNow });
            return await commit.SaveAsync(db, CancellationToken.None);
        }

        var results = await Task.WhenAll(
            Enumerable.Range(0, 20).Select(i => Insert(i % 2 == 0 ? a : b, $"m{i}"))
                .Append(Insert(a, "m0")));

        results.Count(r => !r).ShouldBe(1);
        await using var asA = database.Open(a);
        (await asA.Members.CountAsync()).ShouldBe(10);
        await using var asB = database.Open(b);
        (await asB.Members.CountAsync()).ShouldBe(10);
    }

    [Fact]
    public async Task SaveAsync_RefusesAnythingButInserts()
    {
        var services = new ServiceCollection().AddLogging();
        await using var provider = services.BuildServiceProvider();
        await using var commit = new GroupCommit(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<GroupCommit>.Instance);
        var tenant = await database.AddTenantAsync($"g{Guid.NewGuid():N}"[..10]);
        await using (var db = database.Open(tenant))
        {
            db.Members.Add(new Member { ExternalId = "x", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await using var edit = database.Open(tenant);
        (await edit.Members.SingleAsync()).Name = "changed";
        await Should.ThrowAsync<InvalidOperationException>(() => commit.SaveAsync(edit, CancellationToken.None));
    }
}
