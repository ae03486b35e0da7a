using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MoneyOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AmountMinor",
                table: "Refunds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ShippingMinor",
                table: "Refunds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AmountMinor",
                table: "RefundLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "AttributedKosId",
                table: "Orders",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiscountMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "EventSequence",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "FulfillmentStatus",
                table: "Orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RefundStatus",
                table: "Orders",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "RefundedMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ReturnWindowEndsAt",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ShippingMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ShippingRefundedMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SubtotalMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TotalMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DiscountMinor",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "GrossMinor",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "OrderDiscountMinor",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "PaidMinor",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RefundedMinor",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "RefundedQuantity",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "UnitPriceMinor",
                table: "OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Hand-written data conversion (CommunitySaaS.Core.Orders.OrderMoneyMigrationSql): after the new columns
            // exist, before the old ones go and the CHECK constraints arrive.
            migrationBuilder.Sql(CommunitySaaS.Core.Orders.OrderMoneyMigrationSql.Sqlite());

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_Status",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Amount",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "Amount",
                table: "RefundLines");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Amount",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "UnitPrice",
                table: "OrderLines");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Refunds_Amount",
                table: "Refunds",
                sql: "\"AmountMinor\" > 0 AND \"ShippingMinor\" >= 0 AND \"ShippingMinor\" <= \"AmountMinor\"");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_FulfillmentStatus",
                table: "Orders",
                columns: new[] { "TenantId", "FulfillmentStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_RefundStatus",
                table: "Orders",
                columns: new[] { "TenantId", "RefundStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_TotalMinor",
                table: "Orders",
                columns: new[] { "TenantId", "TotalMinor" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Orders_Amounts",
                table: "Orders",
                sql: "\"TotalMinor\" >= 0 AND \"ShippingMinor\" >= 0 AND \"DiscountMinor\" >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Orders_Refunded",
                table: "Orders",
                sql: "\"RefundedMinor\" >= 0 AND \"RefundedMinor\" <= \"TotalMinor\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Orders_ShippingRefunded",
                table: "Orders",
                sql: "\"ShippingRefundedMinor\" >= 0 AND \"ShippingRefundedMinor\" <= \"ShippingMinor\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OrderLines_Paid",
                table: "OrderLines",
                sql: "\"PaidMinor\" >= 0 AND \"PaidMinor\" <= \"GrossMinor\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OrderLines_Refunded",
                table: "OrderLines",
                sql: "\"RefundedMinor\" >= 0 AND \"RefundedMinor\" <= \"PaidMinor\"");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OrderLines_RefundedQuantity",
                table: "OrderLines",
                sql: "\"RefundedQuantity\" >= 0 AND \"RefundedQuantity\" <= \"Quantity\"");
        
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Refunds_Amount",
                table: "Refunds");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_FulfillmentStatus",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_RefundStatus",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_TenantId_TotalMinor",
                table: "Orders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Orders_Amounts",
                table: "Orders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Orders_Refunded",
                table: "Orders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Orders_ShippingRefunded",
                table: "Orders");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OrderLines_Paid",
                table: "OrderLines");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OrderLines_Refunded",
                table: "OrderLines");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OrderLines_RefundedQuantity",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "AmountMinor",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "ShippingMinor",
                table: "Refunds");

            migrationBuilder.DropColumn(
                name: "AmountMinor",
                table: "RefundLines");

            migrationBuilder.DropColumn(
                name: "AttributedKosId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DiscountMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "EventSequence",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "FulfillmentStatus",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RefundStatus",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RefundedMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ReturnWindowEndsAt",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShippingMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShippingRefundedMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "SubtotalMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TotalMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DiscountMinor",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "GrossMinor",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "OrderDiscountMinor",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "PaidMinor",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "RefundedMinor",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "RefundedQuantity",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "UnitPriceMinor",
                table: "OrderLines");

            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "Refunds",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "RefundLines",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Orders",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "Total",
                table: "Orders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Amount",
                table: "OrderLines",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "UnitPrice",
                table: "OrderLines",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_Status",
                table: "Orders",
                columns: new[] { "TenantId", "Status" });
        }
    }
}
