using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MembershipPayments",
                columns: table => new
                {
                    InvoiceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubscriptionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChargeId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    PaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipPayments", x => new { x.TenantId, x.InvoiceId });
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubscriptionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    TierCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PriceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CurrentPeriodStart = table.Column<long>(type: "INTEGER", nullable: true),
                    CurrentPeriodEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelAtPeriodEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    GraceUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    GrantedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastEventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MembershipSettings",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GraceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RevokeOnRefund = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipSettings", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "PaidTiers",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TierCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ForSale = table.Column<bool>(type: "INTEGER", nullable: false),
                    MonthlyPriceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    YearlyPriceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaidTiers", x => new { x.TenantId, x.TierCode });
                });

            migrationBuilder.CreateTable(
                name: "StripeCustomers",
                columns: table => new
                {
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SecretKeyCipher = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WebhookSecretCipher = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublishableKeyCipher = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SecretKeyLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    WebhookSecretLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PublishableKeyLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    LiveMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckOk = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeSettings", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "StripeWebhookEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    LiveMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    RawBody = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OutboxEventId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
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
