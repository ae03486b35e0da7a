using CommunitySaaS.Core.Common;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Members;

public sealed class MemberService(AppDbContext db, IEventPublisher events, TimeProvider time)
{
    /// <summary>
    /// Creates or updates by the storefront's id. Two requests creating the same member race on the unique index;
    /// the loser runs again (bounded) and applies its change as an update on top of the winner.
    /// </summary>
    public Task<ServiceResult<MemberView>> UpsertAsync(string externalId, UpsertMember change, CancellationToken ct = default) =>
        RetryOnConflict.RunAsync(db, c => UpsertOnceAsync(externalId, change, c), ct);

    private async Task<ServiceResult<MemberView>> UpsertOnceAsync(string externalId, UpsertMember change, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.ExternalId == externalId, ct);
        var created = member is null;
        var now = time.GetUtcNow();
        if (member is null)
        {
            member = new Member { ExternalId = externalId, CreatedAt = now };
            db.Members.Add(member);
            events.Publish(new MemberCreated(member.Id, externalId, now) { TenantId = db.CurrentTenantId!, OccurredAt = now });
        }
        Apply(member, change, now);
        await db.SaveChangesAsync(ct);
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

    /// <summary>The member by our id, for what already knows it exists (a webhook about it).</summary>
    internal async Task<MemberView> ViewOfAsync(string memberId, CancellationToken ct) =>
        await ViewAsync(await db.Members.AsNoTracking().FirstAsync(m => m.Id == memberId, ct), ct);

    public async Task<Page<MemberView>> ListAsync(MemberQuery query, CancellationToken ct = default)
    {
        var page = new PageRequest(query.Limit, query.After);
        var rows = await Search(db.Members.AsNoTracking(), query.Search).Window(m => m.Id, page).ToListAsync(ct);
        return page.ToPage(rows, m => m.Id).Map(m => ToView(m, []));
    }

    /// <summary>Counting a name search stops here: past this many matches the table says "1,000+".</summary>
    public const int SearchCountCap = 1_000;

    /// <summary>
    /// The console's members table: searched, sorted and paged in the database (never loaded whole). The page
    /// is a deferred join: the sorted index gives the page's ids (skipping the offset without reading rows),
    /// then only those rows are read. A search's count is capped, so a broad name search stays cheap.
    /// </summary>
    public async Task<GridPage<MemberRow>> SearchAsync(MemberGridQuery query, CancellationToken ct = default)
    {
        var page = query.Page ?? new GridRequest();
        var filtered = Search(db.Members.AsNoTracking(), query.Search);
        var searching = !string.IsNullOrWhiteSpace(query.Search);
        var total = searching ? await filtered.Take(SearchCountCap + 1).CountAsync(ct) : await filtered.CountAsync(ct);
        if (total == 0) return new GridPage<MemberRow>([], 0);
        var ids = Order(filtered, query).Select(m => m.Id).Skip(page.SafeOffset).Take(page.SafeLimit);
        var rows = await Order(db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)), query)
            .Select(m => new MemberRow(m.Id, m.ExternalId, m.Name, m.Email, m.Phone, m.Tags, m.CreatedAt))
            .ToListAsync(ct);
        return searching && total > SearchCountCap
            ? new GridPage<MemberRow>(rows, SearchCountCap, TotalIsLowerBound: true)
            : new GridPage<MemberRow>(rows, total);
    }

    private static IOrderedQueryable<Member> Order(IQueryable<Member> members, MemberGridQuery query) => (query.Sort, query.Descending) switch
    {
        // Ids are version-7 GUIDs: sorting by id is sorting by creation time.
        (MemberSort.Created, true) => members.OrderByDescending(m => m.Id),
        (MemberSort.Created, false) => members.OrderBy(m => m.Id),
        (MemberSort.Name, false) => members.OrderBy(m => m.Name).ThenBy(m => m.Id),
        (MemberSort.Name, true) => members.OrderByDescending(m => m.Name).ThenByDescending(m => m.Id),
        (MemberSort.ExternalId, false) => members.OrderBy(m => m.ExternalId),
        (MemberSort.ExternalId, true) => members.OrderByDescending(m => m.ExternalId),
        (MemberSort.Email, false) => members.OrderBy(m => m.Email).ThenBy(m => m.Id),
        _ => members.OrderByDescending(m => m.Email).ThenByDescending(m => m.Id),
    };

    /// <summary>Exact email, phone or storefront id (indexed), or a part of the name.</summary>
    private static IQueryable<Member> Search(IQueryable<Member> members, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return members;
        var s = search.Trim();
        // An email or a phone number is looked up exactly, on its index; only other text also matches
        // name parts, which scans (members-query benchmark: exact phone at 100k members 42 ms -> a few ms).
        if (s.Contains('@', StringComparison.Ordinal))
        {
            var lower = s.ToLowerInvariant();
            return members.Where(m => m.Email == lower);
        }
        if (s.StartsWith('+')) return members.Where(m => m.Phone == s);
        return members.Where(m => m.ExternalId == s || m.Phone == s || (m.Name != null && m.Name.Contains(s)));
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
