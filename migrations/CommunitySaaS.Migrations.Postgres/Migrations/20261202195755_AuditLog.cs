using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Postgres.Migrations
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
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    TargetType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    TargetId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: true),
                    RequestId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true)
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
            foreach (var statement in CommunitySaaS.Core.Audit.AuditTriggerSql.Postgres()) migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in CommunitySaaS.Core.Audit.AuditTriggerSql.PostgresDown()) migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "AuditEvents");
        }
    }
}
