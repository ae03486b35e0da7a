using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Members;

public sealed class MemberService(AppDbContext db, TimeProvider time)
{
    public async Task<ServiceResult<MemberView>> UpsertAsync(string externalId, UpsertMember change, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.ExternalId == externalId, ct);
        var created = member is null;
        var now = time.GetUtcNow();
        if (member is null)
        {
            member = new Member { ExternalId = externalId, CreatedAt = now };
            db.Members.Add(member);
        }
        Apply(member, change, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (created && DbErrors.IsUniqueViolation(ex))
        {
            // Another request created the same member first: apply this one as an update on top.
            db.ChangeTracker.Clear();
            return await UpsertAsync(externalId, change, ct);
        }
        var view = await ViewAsync(member, ct);
        return created ? ServiceResult<MemberView>.Created(view) : ServiceResult<MemberView>.Ok(view);
    }

    public async Task<ServiceResult<MemberView>> GetAsync(string externalId, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ExternalId == externalId, ct);
        return member is null
            ? ServiceResult<MemberView>.NotFound($"No member with id '{externalId}'.")
            : ServiceResult<MemberView>.Ok(await ViewAsync(member, ct));
    }

    public async Task<Page<MemberView>> ListAsync(MemberQuery query, CancellationToken ct = default)
    {
        var members = Search(db.Members.AsNoTracking(), query.Search);
        if (query.After is not null) members = members.Where(m => string.Compare(m.Id, query.After) < 0);
        var rows = await members.OrderByDescending(m => m.Id).Take(query.Limit + 1).ToListAsync(ct);
        var page = PageRequest.ToPage(rows, query.Limit, m => m.Id);
        return new Page<MemberView>(page.Data.Select(m => ToView(m, [])).ToList(), page.HasMore, page.NextCursor);
    }

    /// <summary>The console's members table: searched, sorted and paged in the database (never loaded whole).</summary>
    public async Task<GridPage<MemberRow>> SearchAsync(MemberGridQuery query, CancellationToken ct = default)
    {
        var members = Search(db.Members.AsNoTracking(), query.Search);
        return await members.ToGridPageAsync(q => (query.Sort, query.Descending) switch
        {
            // Ids are version-7 GUIDs: sorting by id is sorting by creation time, on an index.
            (MemberSort.Created, true) => q.OrderByDescending(m => m.Id),
            (MemberSort.Created, false) => q.OrderBy(m => m.Id),
            (MemberSort.Name, false) => q.OrderBy(m => m.Name).ThenBy(m => m.Id),
            (MemberSort.Name, true) => q.OrderByDescending(m => m.Name).ThenByDescending(m => m.Id),
            (MemberSort.ExternalId, false) => q.OrderBy(m => m.ExternalId),
            (MemberSort.ExternalId, true) => q.OrderByDescending(m => m.ExternalId),
            (MemberSort.Email, false) => q.OrderBy(m => m.Email).ThenBy(m => m.Id),
            _ => q.OrderByDescending(m => m.Email).ThenByDescending(m => m.Id),
        }, m => new MemberRow(m.Id, m.ExternalId, m.Name, m.Email, m.Phone, m.Tags, m.CreatedAt), query.Page, ct);
    }

    /// <summary>Exact email, phone or storefront id (indexed), or a part of the name.</summary>
    private static IQueryable<Member> Search(IQueryable<Member> members, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return members;
        var s = search.Trim();
        var lower = s.ToLowerInvariant();
        return members.Where(m => m.Email == lower || m.Phone == s || m.ExternalId == s || (m.Name != null && m.Name.Contains(s)));
    }

    private static void Apply(Member member, UpsertMember change, DateTimeOffset now)
    {
        if (change.Name is not null) member.Name = change.Name.Trim();
        if (change.Email is not null) member.Email = change.Email.Trim().ToLowerInvariant();
        if (change.Phone is not null) member.Phone = change.Phone.Trim();
        if (change.Birthday is not null) member.Birthday = change.Birthday;
        if (change.Tags is not null) member.Tags = change.Tags.Select(t => t.Trim()).Distinct().ToList();
        member.UpdatedAt = now;
    }

    private async Task<MemberView> ViewAsync(Member member, CancellationToken ct)
    {
        var communities = await (
            from ms in db.CommunityMemberships
            join c in db.Communities on ms.CommunityId equals c.Id
            where ms.MemberId == member.Id && ms.LeftAt == null
            orderby ms.JoinedAt
            select new MemberCommunity(c.Id, c.Name, ms.JoinedAt)).ToListAsync(ct);
        return ToView(member, communities);
    }

    internal static MemberView ToView(Member m, IReadOnlyList<MemberCommunity> communities) =>
        new(m.Id, m.ExternalId, m.Name, m.Email, m.Phone, m.Birthday, m.Tags, communities, m.CreatedAt, m.UpdatedAt);
}
