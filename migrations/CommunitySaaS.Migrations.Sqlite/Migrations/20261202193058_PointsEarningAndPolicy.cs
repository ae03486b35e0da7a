using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PointsEarningAndPolicy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LimitKey",
                table: "PointsEntries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReversesId",
                table: "PointsEntries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Waived",
                table: "PointsEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "LoyaltyPolicies",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PendingDelayDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ExpiryMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExpiryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnPolicy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyPolicies", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "PointsActivities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CommunityId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PropertiesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReferredMemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false),
                    Limited = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsActivities_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_ReversesId",
                table: "PointsEntries",
                column: "ReversesId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_TenantId_MemberId_LimitKey",
                table: "PointsEntries",
                columns: new[] { "TenantId", "MemberId", "LimitKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyPolicies_TenantId",
                table: "LoyaltyPolicies",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsActivities_MemberId",
                table: "PointsActivities",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsActivities_TenantId",
                table: "PointsActivities",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsActivities_TenantId_ActivityId",
                table: "PointsActivities",
                columns: new[] { "TenantId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsActivities_TenantId_MemberId_Id",
                table: "PointsActivities",
                columns: new[] { "TenantId", "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsActivities_TenantId_ReferredMemberId",
                table: "PointsActivities",
                columns: new[] { "TenantId", "ReferredMemberId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoyaltyPolicies");

            migrationBuilder.DropTable(
                name: "PointsActivities");

            migrationBuilder.DropIndex(
                name: "IX_PointsEntries_ReversesId",
                table: "PointsEntries");

            migrationBuilder.DropIndex(
                name: "IX_PointsEntries_TenantId_MemberId_LimitKey",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "LimitKey",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "ReversesId",
                table: "PointsEntries");

            migrationBuilder.DropColumn(
                name: "Waived",
                table: "PointsEntries");
        }
    }
}
