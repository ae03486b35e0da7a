using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Communities;

public sealed class CommunityService(AppDbContext db, TimeProvider time)
{
    public async Task<ServiceResult<CommunityView>> CreateAsync(SaveCommunity command, CancellationToken ct = default)
    {
        var leader = await FindLeaderAsync(command.LeaderExternalId, ct);
        if (leader.Missing) return ServiceResult<CommunityView>.Invalid(nameof(SaveCommunity.LeaderExternalId), leader.Message!);
        var community = new Community { Name = command.Name.Trim(), CreatedAt = time.GetUtcNow() };
        Apply(community, command, leader.MemberId);
        db.Communities.Add(community);
        if (leader.MemberId is not null) db.CommunityMemberships.Add(NewMembership(community.Id, leader.MemberId));
        await db.SaveChangesAsync(ct);
        return ServiceResult<CommunityView>.Created(await ViewAsync(community.Id, ct));
    }

    public async Task<ServiceResult<CommunityView>> UpdateAsync(string id, SaveCommunity command, CancellationToken ct = default)
    {
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (community is null) return NotFound(id);
        var leader = await FindLeaderAsync(command.LeaderExternalId, ct);
        if (leader.Missing) return ServiceResult<CommunityView>.Invalid(nameof(SaveCommunity.LeaderExternalId), leader.Message!);
        Apply(community, command, leader.MemberId);
        if (leader.MemberId is not null && !await IsActiveMemberAsync(id, leader.MemberId, ct))
        {
            db.CommunityMemberships.Add(NewMembership(id, leader.MemberId));
        }
        await db.SaveChangesAsync(ct);
        return ServiceResult<CommunityView>.Ok(await ViewAsync(id, ct));
    }

    public async Task<ServiceResult<CommunityView>> GetAsync(string id, CancellationToken ct = default) =>
        await db.Communities.AnyAsync(c => c.Id == id, ct) ? ServiceResult<CommunityView>.Ok(await ViewAsync(id, ct)) : NotFound(id);

    public async Task<Page<CommunityView>> ListAsync(CommunityQuery query, CancellationToken ct = default)
    {
        var communities = db.Communities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search)) communities = communities.Where(c => c.Name.Contains(query.Search.Trim()));
        if (query.Kind is not null) communities = communities.Where(c => c.Kind == query.Kind);
        var page = new PageRequest(query.Limit, query.After);
        var rows = await Project(communities.Window(c => c.Id, page)).ToListAsync(ct);
        return page.ToPage(rows, c => c.Id);
    }

    /// <summary>The console's communities table: searched, by name, paged in the database.</summary>
    public async Task<GridPage<CommunityView>> SearchAsync(CommunityQuery query, GridRequest page, CancellationToken ct = default)
    {
        var communities = db.Communities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search)) communities = communities.Where(c => c.Name.Contains(query.Search.Trim()));
        if (query.Kind is not null) communities = communities.Where(c => c.Kind == query.Kind);
        var total = await communities.CountAsync(ct);
        var rows = await Project(communities.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(page.SafeOffset).Take(page.SafeLimit)).ToListAsync(ct);
        return new GridPage<CommunityView>(rows, total);
    }

    public async Task<ServiceResult<CommunityMemberView>> JoinAsync(string id, JoinCommunity command, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == id, ct)) return ServiceResult<CommunityMemberView>.NotFound($"No community with id '{id}'.");
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ExternalId == command.MemberExternalId, ct);
        if (member is null) return ServiceResult<CommunityMemberView>.Invalid(nameof(JoinCommunity.MemberExternalId), $"No member with id '{command.MemberExternalId}'.");
        var existing = await db.CommunityMemberships.AsNoTracking()
            .FirstOrDefaultAsync(x => x.CommunityId == id && x.MemberId == member.Id && x.LeftAt == null, ct);
        if (existing is not null) return ServiceResult<CommunityMemberView>.Ok(new(member.Id, member.ExternalId, member.Name, existing.JoinedAt));
        var membership = NewMembership(id, member.Id);
        db.CommunityMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return ServiceResult<CommunityMemberView>.Created(new(member.Id, member.ExternalId, member.Name, membership.JoinedAt));
    }

    public async Task<ServiceResult<CommunityMemberView>> LeaveAsync(string id, string memberExternalId, CancellationToken ct = default)
    {
        var row = await (
            from ms in db.CommunityMemberships
            join m in db.Members on ms.MemberId equals m.Id
            where ms.CommunityId == id && m.ExternalId == memberExternalId && ms.LeftAt == null
            select new { Membership = ms, Member = m }).FirstOrDefaultAsync(ct);
        if (row is null) return ServiceResult<CommunityMemberView>.NotFound($"Member '{memberExternalId}' is not in community '{id}'.");
        var community = await db.Communities.FirstAsync(c => c.Id == id, ct);
        if (community.LeaderMemberId == row.Member.Id) return ServiceResult<CommunityMemberView>.Conflict("The leader cannot leave; name another leader first.");
        row.Membership.LeftAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ServiceResult<CommunityMemberView>.Ok(new(row.Member.Id, row.Member.ExternalId, row.Member.Name, row.Membership.JoinedAt));
    }

    public async Task<ServiceResult<Page<CommunityMemberView>>> MembersAsync(string id, int limit, string? after, CancellationToken ct = default)
    {
        if (!await db.Communities.AnyAsync(c => c.Id == id, ct)) return ServiceResult<Page<CommunityMemberView>>.NotFound($"No community with id '{id}'.");
        var query = from ms in db.CommunityMemberships
                    join m in db.Members on ms.MemberId equals m.Id
                    where ms.CommunityId == id && ms.LeftAt == null
                    select new { ms.Id, View = new CommunityMemberView(m.Id, m.ExternalId, m.Name, ms.JoinedAt) };
        var page = new PageRequest(limit, after);
        var rows = await query.Window(x => x.Id, page).ToListAsync(ct);
        return ServiceResult<Page<CommunityMemberView>>.Ok(page.ToPage(rows, x => x.Id).Map(x => x.View));
    }

    private static ServiceResult<CommunityView> NotFound(string id) => ServiceResult<CommunityView>.NotFound($"No community with id '{id}'.");

    private CommunityMembership NewMembership(string communityId, string memberId) =>
        new() { CommunityId = communityId, MemberId = memberId, JoinedAt = time.GetUtcNow() };

    private Task<bool> IsActiveMemberAsync(string communityId, string memberId, CancellationToken ct) =>
        db.CommunityMemberships.AnyAsync(x => x.CommunityId == communityId && x.MemberId == memberId && x.LeftAt == null, ct);

    private async Task<(bool Missing, string? MemberId, string? Message)> FindLeaderAsync(string? externalId, CancellationToken ct)
    {
        if (externalId is null) return (false, null, null);
        var id = await db.Members.Where(m => m.ExternalId == externalId).Select(m => m.Id).FirstOrDefaultAsync(ct);
        return id is null ? (true, null, $"No member with id '{externalId}' to lead this community.") : (false, id, null);
    }

    private static void Apply(Community c, SaveCommunity command, string? leaderId)
    {
        c.Name = command.Name.Trim();
        c.Kind = command.Kind!.Value;
        c.LeaderMemberId = leaderId;
        c.AddressLine = command.Address?.Line;
        c.City = command.Address?.City;
        c.Region = command.Address?.Region;
        c.PostalCode = command.Address?.PostalCode;
        c.Country = command.Address?.Country;
    }

    private async Task<CommunityView> ViewAsync(string id, CancellationToken ct) =>
        await Project(db.Communities.AsNoTracking().Where(c => c.Id == id)).FirstAsync(ct);

    private IQueryable<CommunityView> Project(IQueryable<Community> communities) =>
        from c in communities
        select new CommunityView(
            c.Id, c.Name, c.Kind, c.LeaderMemberId,
            db.Members.Where(m => m.Id == c.LeaderMemberId).Select(m => m.ExternalId).FirstOrDefault(),
            c.AddressLine == null ? null : new Address(c.AddressLine, c.City!, c.Region, c.PostalCode, c.Country!),
            db.CommunityMemberships.Count(ms => ms.CommunityId == c.Id && ms.LeftAt == null),
            c.CreatedAt);
}
