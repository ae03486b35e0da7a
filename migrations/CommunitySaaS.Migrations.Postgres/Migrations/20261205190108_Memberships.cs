using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunitySaaS.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MembershipPayments",
                columns: table => new
                {
                    InvoiceId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubscriptionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChargeId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    PaymentIntentId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RefundedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipPayments", x => new { x.TenantId, x.InvoiceId });
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubscriptionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    MemberId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    TierCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PriceId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentPeriodStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CurrentPeriodEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelAtPeriodEnd = table.Column<bool>(type: "boolean", nullable: false),
                    GraceUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GrantedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SyncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastEventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MembershipSettings",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GraceDays = table.Column<int>(type: "integer", nullable: false),
                    RevokeOnRefund = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipSettings", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "PaidTiers",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TierCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ForSale = table.Column<bool>(type: "boolean", nullable: false),
                    MonthlyPriceId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    YearlyPriceId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaidTiers", x => new { x.TenantId, x.TierCode });
                });

            migrationBuilder.CreateTable(
                name: "StripeCustomers",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeCustomers", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_StripeCustomers_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StripeSettings",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SecretKeyCipher = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WebhookSecretCipher = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishableKeyCipher = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SecretKeyLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    WebhookSecretLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PublishableKeyLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    LiveMode = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckOk = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeSettings", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "StripeWebhookEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ObjectId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    LiveMode = table.Column<bool>(type: "boolean", nullable: false),
                    RawBody = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OutboxEventId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeWebhookEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPayments_TenantId",
                table: "MembershipPayments",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPayments_TenantId_ChargeId",
                table: "MembershipPayments",
                columns: new[] { "TenantId", "ChargeId" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPayments_TenantId_PaymentIntentId",
                table: "MembershipPayments",
                columns: new[] { "TenantId", "PaymentIntentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TenantId",
                table: "Memberships",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TenantId_GrantedUntil",
                table: "Memberships",
                columns: new[] { "TenantId", "GrantedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TenantId_MemberId",
                table: "Memberships",
                columns: new[] { "TenantId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_TenantId_SubscriptionId",
                table: "Memberships",
                columns: new[] { "TenantId", "SubscriptionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipSettings_TenantId",
                table: "MembershipSettings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PaidTiers_TenantId",
                table: "PaidTiers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeCustomers_TenantId",
                table: "StripeCustomers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeCustomers_TenantId_CustomerId",
                table: "StripeCustomers",
                columns: new[] { "TenantId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripeSettings_TenantId",
                table: "StripeSettings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeWebhookEvents_TenantId",
                table: "StripeWebhookEvents",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_StripeWebhookEvents_TenantId_EventId",
                table: "StripeWebhookEvents",
                columns: new[] { "TenantId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripeWebhookEvents_TenantId_Id",
                table: "StripeWebhookEvents",
                columns: new[] { "TenantId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "MembershipPayments");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "MembershipSettings");

            migrationBuilder.DropTable(
                name: "PaidTiers");

            migrationBuilder.DropTable(
                name: "StripeCustomers");

            migrationBuilder.DropTable(
                name: "StripeSettings");

            migrationBuilder.DropTable(
                name: "StripeWebhookEvents");
        }
    }
}
