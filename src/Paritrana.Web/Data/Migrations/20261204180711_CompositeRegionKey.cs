using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompositeRegionKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_nominations_regencies_and_cities_regency_code",
                table: "nominations");

            migrationBuilder.DropForeignKey(
                name: "fk_organisations_regencies_and_cities_regency_code",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_regency_code",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_nominations_province_code",
                table: "nominations");

            migrationBuilder.DropIndex(
                name: "ix_nominations_regency_code",
                table: "nominations");

            migrationBuilder.AddUniqueConstraint(
                name: "ak_regencies_and_cities_province_code_code",
                table: "regencies_and_cities",
                columns: new[] { "province_code", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_province_code_regency_code",
                table: "nominations",
                columns: new[] { "province_code", "regency_code" });

            migrationBuilder.AddForeignKey(
                name: "fk_nominations_regencies_and_cities_province_code_regency_code",
                table: "nominations",
                columns: new[] { "province_code", "regency_code" },
                principalTable: "regencies_and_cities",
                principalColumns: new[] { "province_code", "code" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_organisations_regencies_and_cities_province_code_regency_co~",
                table: "organisations",
                columns: new[] { "province_code", "regency_code" },
                principalTable: "regencies_and_cities",
                principalColumns: new[] { "province_code", "code" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_nominations_regencies_and_cities_province_code_regency_code",
                table: "nominations");

            migrationBuilder.DropForeignKey(
                name: "fk_organisations_regencies_and_cities_province_code_regency_co~",
                table: "organisations");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_regencies_and_cities_province_code_code",
                table: "regencies_and_cities");

            migrationBuilder.DropIndex(
                name: "ix_nominations_province_code_regency_code",
                table: "nominations");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_regency_code",
                table: "organisations",
                column: "regency_code");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_province_code",
                table: "nominations",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_regency_code",
                table: "nominations",
                column: "regency_code");

            migrationBuilder.AddForeignKey(
                name: "fk_nominations_regencies_and_cities_regency_code",
                table: "nominations",
                column: "regency_code",
                principalTable: "regencies_and_cities",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_organisations_regencies_and_cities_regency_code",
                table: "organisations",
                column: "regency_code",
                principalTable: "regencies_and_cities",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
