using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NationalPlenary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_plenaries_provinces_province_code",
                table: "plenaries");

            migrationBuilder.DropForeignKey(
                name: "fk_plenary_decision_versions_provinces_province_code",
                table: "plenary_decision_versions");

            migrationBuilder.DropIndex(
                name: "ix_plenary_decision_versions_province_code",
                table: "plenary_decision_versions");

            migrationBuilder.DropIndex(
                name: "ix_plenaries_province_code",
                table: "plenaries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_plenary_decision_versions_province_code",
                table: "plenary_decision_versions",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_plenaries_province_code",
                table: "plenaries",
                column: "province_code");

            migrationBuilder.AddForeignKey(
                name: "fk_plenaries_provinces_province_code",
                table: "plenaries",
                column: "province_code",
                principalTable: "provinces",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_plenary_decision_versions_provinces_province_code",
                table: "plenary_decision_versions",
                column: "province_code",
                principalTable: "provinces",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
