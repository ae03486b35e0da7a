using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExpiryNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExpiryNoticeDays",
                table: "LoyaltyPolicies",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "30,7,1");

            migrationBuilder.AddColumn<long>(
                name: "ExpiryNoticesSent",
                table: "LoyaltyNightlyRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "PointsExpiryNotices",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NoticeDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsExpiryNotices", x => new { x.TenantId, x.MemberId, x.NoticeDate });
                    table.ForeignKey(
                        name: "FK_PointsExpiryNotices_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsExpiryNotices_MemberId",
                table: "PointsExpiryNotices",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsExpiryNotices_TenantId",
                table: "PointsExpiryNotices",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsExpiryNotices");

            migrationBuilder.DropColumn(
                name: "ExpiryNoticeDays",
                table: "LoyaltyPolicies");

            migrationBuilder.DropColumn(
                name: "ExpiryNoticesSent",
                table: "LoyaltyNightlyRuns");
        }
    }
}
