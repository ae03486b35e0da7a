using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Outbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AggregateId",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "DeadLetteredAt",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "StoredAt",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "InboxRecords",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxRecords", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AggregatePosition",
                table: "OutboxMessages",
                columns: new[] { "TenantId", "AggregateId", "Sequence" },
                unique: true,
                filter: "\"AggregateId\" <> ''");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages",
                columns: new[] { "StoredAt", "Id" },
                filter: "\"ProcessedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_TenantId_DeadLetteredAt",
                table: "OutboxMessages",
                columns: new[] { "TenantId", "DeadLetteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxRecords_TenantId",
                table: "InboxRecords",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InboxRecords");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AggregatePosition",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_TenantId_DeadLetteredAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AggregateId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DeadLetteredAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "StoredAt",
                table: "OutboxMessages");
        }
    }
}
