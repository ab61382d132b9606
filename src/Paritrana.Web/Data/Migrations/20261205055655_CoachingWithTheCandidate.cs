using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoachingWithTheCandidate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "answer_return_reason",
                table: "coaching_items",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_answer",
                table: "coaching_items",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "candidate_answered_at",
                table: "coaching_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "candidate_answered_by",
                table: "coaching_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "shared_with_candidate",
                table: "coaching_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answer_return_reason",
                table: "coaching_items");

            migrationBuilder.DropColumn(
                name: "candidate_answer",
                table: "coaching_items");

            migrationBuilder.DropColumn(
                name: "candidate_answered_at",
                table: "coaching_items");

            migrationBuilder.DropColumn(
                name: "candidate_answered_by",
                table: "coaching_items");

            migrationBuilder.DropColumn(
                name: "shared_with_candidate",
                table: "coaching_items");
        }
    }
}
