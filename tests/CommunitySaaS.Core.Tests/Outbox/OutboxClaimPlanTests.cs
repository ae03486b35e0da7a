using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunitySaaS.Core.Tests.Outbox;

/// <summary>
/// The claim runs on SQLite's one writer, so its cost must follow the batch, not the backlog: it walks the
/// pending index in order and stops, and finds an aggregate's earlier events through the aggregate-position
/// index. A plan that sorts the whole backlog or scans a brand's every message held the writer for seconds
/// under load and stalled order ingest (p99 above 7 s in the ingest benchmark).
/// </summary>
public sealed class OutboxClaimPlanTests
{
    [Fact]
    public async Task Claim_WalksThePendingIndexAndStops_WhenPlannedOnSqlite()
    {
        var database = ProviderDatabase.Create(DatabaseProvider.Sqlite);
        await using var db = database.Open(null);

        var plan = await SqlitePlan.ExplainAsync(db, OutboxClaims.EligibleIds(db, DateTimeOffset.UtcNow, 50).ToQueryString());

        plan.ShouldContain("SCAN o USING INDEX IX_OutboxMessages_Pending", Case.Sensitive, plan);
        plan.ShouldContain("USING INDEX IX_OutboxMessages_AggregatePosition (TenantId=? AND AggregateId=? AND Sequence<?)", Case.Sensitive, plan);
        plan.ShouldNotContain("TEMP B-TREE", Case.Sensitive, plan);
        plan.ShouldNotContain("IX_OutboxMessages_ProcessedAt", Case.Sensitive, plan);
    }
}
