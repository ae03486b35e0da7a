using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PointsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PointsAccounts",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Available = table.Column<long>(type: "bigint", nullable: false),
                    Pending = table.Column<long>(type: "bigint", nullable: false),
                    LifetimeEarned = table.Column<long>(type: "bigint", nullable: false),
                    LifetimeRedeemed = table.Column<long>(type: "bigint", nullable: false),
                    Expired = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccounts", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_PointsAccounts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MemberId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AvailableDelta = table.Column<long>(type: "bigint", nullable: false),
                    PendingDelta = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Leg = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    LotId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AvailableAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RuleSetVersionId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    RuleSetVersion = table.Column<int>(type: "int", nullable: true),
                    FiredRules = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    InputsHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsAccounts_TenantId",
                table: "PointsAccounts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsAccounts_TenantId_Available",
                table: "PointsAccounts",
                columns: new[] { "TenantId", "Available" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_LotId",
                table: "PointsEntries",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_MemberId",
                table: "PointsEntries",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_TenantId",
                table: "PointsEntries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_TenantId_AvailableAt",
                table: "PointsEntries",
                columns: new[] { "TenantId", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_TenantId_ExpiresAt",
                table: "PointsEntries",
                columns: new[] { "TenantId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_TenantId_MemberId_Id",
                table: "PointsEntries",
                columns: new[] { "TenantId", "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_TenantId_Source_SourceId_Leg",
                table: "PointsEntries",
                columns: new[] { "TenantId", "Source", "SourceId", "Leg" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsAccounts");

            migrationBuilder.DropTable(
                name: "PointsEntries");
        }
    }
}
