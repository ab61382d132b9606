using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NationalInterviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interviews",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cycle_id = table.Column<int>(type: "integer", nullable: false),
                    nomination_id = table.Column<int>(type: "integer", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    presenter_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    presenter_position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_interviews_award_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "award_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_interviews_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "interview_jurors",
                columns: table => new
                {
                    interview_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interview_jurors", x => new { x.interview_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_interview_jurors_interviews_interview_id",
                        column: x => x.interview_id,
                        principalTable: "interviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_interview_jurors_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interview_jurors_user_id",
                table: "interview_jurors",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_interviews_cycle_id_starts_at",
                table: "interviews",
                columns: new[] { "cycle_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interviews_province_code_starts_at",
                table: "interviews",
                columns: new[] { "province_code", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ux_interviews_one_scheduled_per_nomination",
                table: "interviews",
                column: "nomination_id",
                unique: true,
                filter: "status = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interview_jurors");

            migrationBuilder.DropTable(
                name: "interviews");
        }
    }
}
