using CommunitySaaS.Core.ApiKeys;
using CommunitySaaS.Core.Communities;
using CommunitySaaS.Core.Events;
using CommunitySaaS.Core.Idempotency;
using CommunitySaaS.Core.Jobs;
using CommunitySaaS.Core.Members;
using CommunitySaaS.Core.Orders;
using CommunitySaaS.Core.Plugins;
using CommunitySaaS.Core.Points;
using CommunitySaaS.Core.RuleSets;
using CommunitySaaS.Core.Tenancy;
using CommunitySaaS.Core.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunitySaaS.Core.Persistence;

/// <summary>
/// The one database model. Every tenant-owned entity gets the named <see cref="TenantFilter"/>, and
/// SaveChanges stamps and checks <c>TenantId</c>, so forgetting a <c>Where</c> cannot leak another brand's data.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ITenantContext tenantContext, OutboxSignal? outboxSignal = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<CommunityMembership> CommunityMemberships => Set<CommunityMembership>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<RefundLine> RefundLines => Set<RefundLine>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();
    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();
    public DbSet<TenantPlugin> TenantPlugins => Set<TenantPlugin>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<JobRunStep> JobRunSteps => Set<JobRunStep>();
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<PointsAccount> PointsAccounts => Set<PointsAccount>();
    public DbSet<LoyaltyPolicy> LoyaltyPolicies => Set<LoyaltyPolicy>();
    public DbSet<PointsActivity> PointsActivities => Set<PointsActivity>();
    public DbSet<Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Webhooks.WebhookEndpoint>();
    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    /// <summary>Data Protection's key ring (platform-wide): what encrypts the brands' Stripe keys, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    internal string? CurrentTenantId => tenantContext.TenantId;

    /// <summary>
    /// Set only by <see cref="GroupCommit"/>: the tenants whose already-guarded inserts this context commits
    /// together. Reads still see no tenant.
    /// </summary>
    internal IReadOnlySet<string>? BatchTenants { get; set; }

    private List<Action>? _afterCommit;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        if (Database.IsSqlite())
        {
            // SQLite has no date type: stored as ticks, UTC instants still compare and sort in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        TenantModel.Apply(builder, this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantModel.GuardWrites(ChangeTracker, CurrentTenantId, BatchTenants);
        WakeOutboxIfPublished();
        var result = base.SaveChanges(acceptAllChangesOnSuccess);
        if (Database.CurrentTransaction is null) RunAfterCommit();
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantModel.GuardWrites(ChangeTracker, CurrentTenantId, BatchTenants);
        WakeOutboxIfPublished();
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is null) RunAfterCommit();
        return result;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once what this context writes is committed: after the next SaveChanges outside a
    /// transaction, or when the open transaction commits (never, if it rolls back). A worker woken before the commit
    /// would find nothing and sleep until its next poll.
    /// </summary>
    internal void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    internal void RunAfterCommit()
    {
        if (_afterCommit is not { Count: > 0 } actions) return;
        _afterCommit = null;
        foreach (var action in actions) action();
    }

    internal void DropAfterCommit() => _afterCommit = null;

    private void WakeOutboxIfPublished()
    {
        if (outboxSignal is not null && ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added)) AfterCommit(outboxSignal.Notify);
    }
}
