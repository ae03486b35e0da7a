using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommunitySaaS.Core.Members;

/// <summary>The storefront's id of a member we know by ours: what every resource about a member shows beside our id.</summary>
internal static class MemberExternalIds
{
    public static Task<string> ExternalIdOfAsync(this AppDbContext db, string memberId, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.ExternalId).FirstAsync(ct);
}
