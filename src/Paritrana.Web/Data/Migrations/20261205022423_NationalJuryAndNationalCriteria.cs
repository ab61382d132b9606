using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NationalJuryAndNationalCriteria : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_scoring_rounds_provinces_province_code",
                table: "scoring_rounds");

            migrationBuilder.DropIndex(
                name: "ix_scoring_rounds_province_code",
                table: "scoring_rounds");

            migrationBuilder.DropIndex(
                name: "ix_criteria_sets_category_id_version_number",
                table: "criteria_sets");

            migrationBuilder.DropIndex(
                name: "ix_criteria_sets_one_current_per_category",
                table: "criteria_sets");

            migrationBuilder.AddColumn<string>(
                name: "home_province_code",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "stage",
                table: "criteria_sets",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "ix_users_home_province_code",
                table: "users",
                column: "home_province_code");

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_category_id_stage_version_number",
                table: "criteria_sets",
                columns: new[] { "category_id", "stage", "version_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_one_current_per_category",
                table: "criteria_sets",
                columns: new[] { "category_id", "stage" },
                unique: true,
                filter: "is_current");

            migrationBuilder.AddForeignKey(
                name: "fk_users_provinces_home_province_code",
                table: "users",
                column: "home_province_code",
                principalTable: "provinces",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_users_provinces_home_province_code",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_home_province_code",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_criteria_sets_category_id_stage_version_number",
                table: "criteria_sets");

            migrationBuilder.DropIndex(
                name: "ix_criteria_sets_one_current_per_category",
                table: "criteria_sets");

            migrationBuilder.DropColumn(
                name: "home_province_code",
                table: "users");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "criteria_sets");

            migrationBuilder.CreateIndex(
                name: "ix_scoring_rounds_province_code",
                table: "scoring_rounds",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_category_id_version_number",
                table: "criteria_sets",
                columns: new[] { "category_id", "version_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_one_current_per_category",
                table: "criteria_sets",
                column: "category_id",
                unique: true,
                filter: "is_current");

            migrationBuilder.AddForeignKey(
                name: "fk_scoring_rounds_provinces_province_code",
                table: "scoring_rounds",
                column: "province_code",
                principalTable: "provinces",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
