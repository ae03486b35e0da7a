using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySaaS.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MemberGridIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Name",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Id",
                table: "Members",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Name_Id",
                table: "Members",
                columns: new[] { "TenantId", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Id",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_TenantId_Name_Id",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_TenantId_Name",
                table: "Members",
                columns: new[] { "TenantId", "Name" });
        }
    }
}
