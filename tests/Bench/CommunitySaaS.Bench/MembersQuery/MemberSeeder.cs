using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySaaS.Bench.MembersQuery;

/// <summary>Bulk-inserts realistic members into one tenant: EF batches with change detection off, 5,000 a transaction.</summary>
internal static class MemberSeeder
{
    private const int Batch = 5_000;
    private static readonly string[] First = ["Ava", "Li", "Noah", "Mei", "Omar", "Sofia", "Kenji", "Zara", "Lucas", "Ines", "Ravi", "Chloe", "Mateo", "Yuna", "Elif", "Jonas", "Amara", "Wei", "Priya", "Hugo"];
    private static readonly string[] Last = ["Chen", "Garcia", "Okafor", "Tanaka", "Muller", "Rossi", "Kim", "Silva", "Nguyen", "Haddad", "Novak", "Smith", "Ivanova", "Dubois", "Khan", "Larsen"];

    public static async Task SeedAsync(IServiceProvider services, TenantInfo tenant, int count)
    {
        var random = new Random(7);
        var start = DateTimeOffset.UtcNow.AddDays(-400);
        for (var done = 0; done < count; done += Batch)
        {
            await using var scope = BenchDatabase.Scopes(services).CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var first = First[random.Next(First.Length)];
                var last = Last[random.Next(Last.Length)];
                var created = start.AddSeconds(i * 300);
                db.Members.Add(new Member
                {
                    Id = Ids.New("mem"), ExternalId = $"c{i:0000000}", Name = $"{first} {last}",
                    Email = $"{first}.{last}.{i}@example.com".ToLowerInvariant(), Phone = $"+1555{i:0000000}",
                    Tags = i % 9 == 0 ? ["vip"] : [], CreatedAt = created, UpdatedAt = created,
                });
            }
            await db.SaveChangesAsync();
        }
    }
}
