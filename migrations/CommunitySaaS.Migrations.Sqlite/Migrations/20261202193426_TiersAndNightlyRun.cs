using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TiersAndNightlyRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoyaltyNightlyRuns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NightOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Cutoff = table.Column<long>(type: "INTEGER", nullable: false),
                    JobRunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StepsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsReleased = table.Column<long>(type: "INTEGER", nullable: false),
                    MembersEvaluated = table.Column<long>(type: "INTEGER", nullable: false),
                    TierChangesBeforeExpiry = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsExpired = table.Column<long>(type: "INTEGER", nullable: false),
                    TierChangesAfterExpiry = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyNightlyRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberTierChanges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    FromCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RuleSetVersionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RuleSetVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Points12m = table.Column<long>(type: "INTEGER", nullable: false),
                    Spend12m = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Orders12m = table.Column<int>(type: "INTEGER", nullable: false),
                    GraceUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberTierChanges_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberTiers",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EarnedCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    EarnedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    ReevaluateAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GraceUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PaidSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PaidUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberTiers", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_MemberTiers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierDefinitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsMultiplier = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    FreeShipping = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomBenefits = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TierPolicies",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReevaluationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    GraceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierPolicies", x => x.TenantId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyNightlyRuns_TenantId",
                table: "LoyaltyNightlyRuns",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LoyaltyNightlyRuns_TenantId_NightOf",
                table: "LoyaltyNightlyRuns",
                columns: new[] { "TenantId", "NightOf" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTierChanges_MemberId",
                table: "MemberTierChanges",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberTierChanges_TenantId",
                table: "MemberTierChanges",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberTierChanges_TenantId_MemberId_Id",
                table: "MemberTierChanges",
                columns: new[] { "TenantId", "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MemberTierChanges_TenantId_MemberId_Revision",
                table: "MemberTierChanges",
                columns: new[] { "TenantId", "MemberId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberTiers_TenantId",
                table: "MemberTiers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberTiers_TenantId_EarnedCode",
                table: "MemberTiers",
                columns: new[] { "TenantId", "EarnedCode" });

            migrationBuilder.CreateIndex(
                name: "IX_TierDefinitions_TenantId",
                table: "TierDefinitions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_TierDefinitions_TenantId_Code",
                table: "TierDefinitions",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TierDefinitions_TenantId_Rank",
                table: "TierDefinitions",
                columns: new[] { "TenantId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TierPolicies_TenantId",
                table: "TierPolicies",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoyaltyNightlyRuns");

            migrationBuilder.DropTable(
                name: "MemberTierChanges");

            migrationBuilder.DropTable(
                name: "MemberTiers");

            migrationBuilder.DropTable(
                name: "TierDefinitions");

            migrationBuilder.DropTable(
                name: "TierPolicies");
        }
    }
}
