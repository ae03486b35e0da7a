using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TargetType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_TenantId",
                table: "AuditEvents",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_TenantId_Action_Id",
                table: "AuditEvents",
                columns: new[] { "TenantId", "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_TenantId_ActorId_Id",
                table: "AuditEvents",
                columns: new[] { "TenantId", "ActorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_TenantId_TargetId_Id",
                table: "AuditEvents",
                columns: new[] { "TenantId", "TargetId", "Id" });

            // Hand-written (CommunitySaaS.Core.Audit.AuditTriggerSql): the database refuses to update or delete an audit event.
            foreach (var statement in CommunitySaaS.Core.Audit.AuditTriggerSql.Sqlite()) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in CommunitySaaS.Core.Audit.AuditTriggerSql.SqliteDown()) migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "AuditEvents");
        }
    }
}
