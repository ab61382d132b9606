using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CandidateRepresentatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "organisation_id",
                table: "users",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_organisation_id",
                table: "users",
                column: "organisation_id");

            migrationBuilder.AddForeignKey(
                name: "fk_users_organisations_organisation_id",
                table: "users",
                column: "organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_users_organisations_organisation_id",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_organisation_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "users");
        }
    }
}
