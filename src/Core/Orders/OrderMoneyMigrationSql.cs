namespace CommunitySaaS.Core.Orders;

/// <summary>
/// The data half of the MoneyOrders migration, kept here so it survives regenerating the migrations: call the
/// provider's method in <c>Up()</c> after the new columns are added and before the old decimal and status columns
/// are dropped (and before the CHECK constraints are added). Converts the old decimal amounts to minor units of
/// each order's currency (half away from zero), splits the old status into fulfilment and refund state, rebuilds
/// the refunded counters from the refunds, numbers the events already raised, and snapshots the return window.
/// Refunds by amount made before this migration have no refund lines, so they count on the order's refunded
/// amount but not on any line's.
/// </summary>
public static class OrderMoneyMigrationSql
{
    private const string ZeroDecimals = "'BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','VND','VUV','XAF','XOF','XPF'";
    private const string ThreeDecimals = "'BHD','IQD','JOD','KWD','LYD','OMR','TND'";

    /// <summary>SQLite kept decimals as text and times as ticks (DateTimeOffsetToBinaryConverter: ticks/1000 shifted 11 bits).</summary>
    public static string Sqlite() => Script(
        (value, scale) => $"CAST(ROUND(CAST({value} AS REAL) * {scale}) AS INTEGER)",
        (instant, days) => $"{instant} + {days} * 1769472000000");

    public static string Postgres() => Script(
        (value, scale) => $"CAST(ROUND({value} * {scale}) AS bigint)",
        (instant, days) => $"{instant} + make_interval(days => {days})");

    public static string SqlServer() => Script(
        (value, scale) => $"CAST(ROUND({value} * {scale}, 0) AS bigint)",
        (instant, days) => $"DATEADD(day, {days}, {instant})");

    private static string Scale(string currency) =>
        $"(CASE WHEN {currency} IN ({ZeroDecimals}) THEN 1 WHEN {currency} IN ({ThreeDecimals}) THEN 1000 ELSE 100 END)";

    private static string Script(Func<string, string, string> toMinor, Func<string, string, string> addDays)
    {
        var lineScale = Scale("(SELECT o.\"Currency\" FROM \"Orders\" o WHERE o.\"Id\" = \"OrderLines\".\"OrderId\")");
        var refundScale = Scale("(SELECT o.\"Currency\" FROM \"Orders\" o WHERE o.\"Id\" = \"Refunds\".\"OrderId\")");
        var refundLineScale = Scale("(SELECT o.\"Currency\" FROM \"Orders\" o JOIN \"Refunds\" r ON r.\"OrderId\" = o.\"Id\" WHERE r.\"Id\" = \"RefundLines\".\"RefundId\")");
        var orderScale = Scale("\"Orders\".\"Currency\"");
        const string refundLinesOfLine = "FROM \"RefundLines\" rl JOIN \"Refunds\" r ON r.\"Id\" = rl.\"RefundId\" "
            + "WHERE r.\"OrderId\" = \"OrderLines\".\"OrderId\" AND rl.\"LineNumber\" = \"OrderLines\".\"LineNumber\"";
        return $"""
            UPDATE "OrderLines" SET "UnitPriceMinor" = {toMinor("\"UnitPrice\"", lineScale)}, "GrossMinor" = {toMinor("\"Amount\"", lineScale)};
            UPDATE "OrderLines" SET "PaidMinor" = "GrossMinor",
                "RefundedQuantity" = COALESCE((SELECT SUM(rl."Quantity") {refundLinesOfLine}), 0);
            UPDATE "OrderLines" SET "RefundedQuantity" = "Quantity" WHERE "RefundedQuantity" > "Quantity";
            UPDATE "RefundLines" SET "AmountMinor" = {toMinor("\"Amount\"", refundLineScale)};
            UPDATE "Refunds" SET "AmountMinor" = {toMinor("\"Amount\"", refundScale)};
            UPDATE "OrderLines" SET "RefundedMinor" = COALESCE((SELECT SUM(rl."AmountMinor") {refundLinesOfLine}), 0);
            UPDATE "OrderLines" SET "RefundedMinor" = "PaidMinor" WHERE "RefundedMinor" > "PaidMinor";
            UPDATE "Orders" SET "TotalMinor" = {toMinor("\"Total\"", orderScale)}, "SubtotalMinor" = {toMinor("\"Total\"", orderScale)},
                "RefundedMinor" = COALESCE((SELECT SUM(r."AmountMinor") FROM "Refunds" r WHERE r."OrderId" = "Orders"."Id"), 0),
                "FulfillmentStatus" = CASE WHEN "Status" = 'Fulfilled' OR "FulfilledAt" IS NOT NULL THEN 'Fulfilled' ELSE 'Unfulfilled' END,
                "EventSequence" = 1 + (CASE WHEN "FulfilledAt" IS NOT NULL THEN 1 ELSE 0 END)
                    + (SELECT COUNT(*) FROM "Refunds" r WHERE r."OrderId" = "Orders"."Id"),
                "ReturnWindowEndsAt" = {addDays("\"PaidAt\"", "(SELECT t.\"ReturnWindowDays\" FROM \"Tenants\" t WHERE t.\"Id\" = \"Orders\".\"TenantId\")")};
            UPDATE "Orders" SET "RefundedMinor" = "TotalMinor" WHERE "RefundedMinor" > "TotalMinor";
            UPDATE "Orders" SET "RefundStatus" = CASE WHEN "RefundedMinor" = 0 THEN 'None' WHEN "RefundedMinor" = "TotalMinor" THEN 'Full' ELSE 'Partial' END;
            """;
    }
}
