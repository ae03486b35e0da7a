using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Core.RuleSets;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Tiers;

/// <summary>The member part of the rules' facts for a batch of members, in two queries.</summary>
internal static class MemberFactsLoader
{
    public static async Task<IReadOnlyDictionary<string, MemberFacts>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> memberIds, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.ExternalId, m.Birthday, m.CreatedAt, m.Tags }).ToListAsync(ct);
        var communities = (await db.CommunityMemberships.AsNoTracking().Where(c => memberIds.Contains(c.MemberId) && c.LeftAt == null)
                .Select(c => new { c.MemberId, c.CommunityId }).ToListAsync(ct))
            .ToLookup(c => c.MemberId, c => c.CommunityId);
        return members.ToDictionary(m => m.Id, m => new MemberFacts(m.Id, m.ExternalId, null, m.Birthday, m.CreatedAt, m.Tags, communities[m.Id].ToList()));
    }
}
