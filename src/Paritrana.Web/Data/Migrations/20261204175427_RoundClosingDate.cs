using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoundClosingDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "closes_on",
                table: "scoring_rounds",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "closes_on",
                table: "scoring_rounds");
        }
    }
}
