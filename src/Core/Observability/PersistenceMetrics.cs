using System.Diagnostics.Metrics;

namespace CommunitySaaS.Core.Observability;

public static class PersistenceMetrics
{
    /// <summary>Units of work committed by one group commit: near 1 means little concurrency, near 256 means saturated.</summary>
    public static readonly Histogram<int> GroupCommitBatchSize = AppMetrics.Meter.CreateHistogram<int>(
        "communitysaas.group_commit.batch_size", "{unit}", "Units of work committed together in one group-commit transaction.");
}
