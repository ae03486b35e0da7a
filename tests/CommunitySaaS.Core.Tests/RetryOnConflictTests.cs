using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tests;

public sealed class RetryOnConflictTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RunAsync_FailsAtOnce_WhenACheckConstraintRefusesTheWrite(DatabaseProvider provider)
    {
        var database = ProviderDatabase.Create(provider);
        var tenant = await database.AddTenantAsync();
        await using var db = database.Open(tenant);
        await SeedOrderAsync(db);

        var attempts = 0;
        var refused = await Should.ThrowAsync<Exception>(() => RetryOnConflict.RunAsync(db, async ct =>
        {
            attempts++;
            // More refunded than the line brought in: the CHECK backstop says no, and no retry can change that.
            return await db.OrderLines.ExecuteUpdateAsync(s => s.SetProperty(l => l.RefundedMinor, l => l.PaidMinor + 1), ct);
        }, CancellationToken.None));

        attempts.ShouldBe(1);
        DbErrors.IsCheckViolation(refused).ShouldBeTrue(refused.ToString());
        DbErrors.IsUniqueViolation(refused).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RunAsync_RetriesABoundedNumberOfTimes_WhenAUniqueIndexKeepsRefusing(DatabaseProvider provider)
    {
        var database = ProviderDatabase.Create(provider);
        var tenant = await database.AddTenantAsync();
        await using var db = database.Open(tenant);
        db.Members.Add(new Member { ExternalId = "taken", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();

        var attempts = 0;
        var refused = await Should.ThrowAsync<DbUpdateException>(() => RetryOnConflict.RunAsync(db, ct =>
        {
            attempts++;
            db.Members.Add(new Member { ExternalId = "taken", CreatedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync(ct);
        }, CancellationToken.None));

        attempts.ShouldBe(RetryOnConflict.MaxAttempts);
        DbErrors.IsUniqueViolation(refused).ShouldBeTrue();
        DbErrors.IsCheckViolation(refused).ShouldBeFalse();
    }

    private static async Task SeedOrderAsync(AppDbContext db)
    {
        var member = new Member { ExternalId = "m", CreatedAt = DateTimeOffset.UtcNow };
        db.Members.Add(member);
        db.Orders.Add(new Order
        {
            ExternalId = "o", MemberId = member.Id, Currency = "USD", RequestHash = "h", SubtotalMinor = 1000, TotalMinor = 1000, EventSequence = 1,
            PaidAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow, ReturnWindowEndsAt = DateTimeOffset.UtcNow,
            Lines = [new OrderLine { LineNumber = 1, Sku = "s", Category = "c", Quantity = 1, UnitPriceMinor = 1000, GrossMinor = 1000, PaidMinor = 1000 }],
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
