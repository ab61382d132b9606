using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegionalFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "regional_figures",
                columns: table => new
                {
                    regency_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    formal_workers = table.Column<long>(type: "bigint", nullable: false),
                    informal_workers = table.Column<long>(type: "bigint", nullable: false),
                    participants_pu = table.Column<long>(type: "bigint", nullable: false),
                    participants_bpu = table.Column<long>(type: "bigint", nullable: false),
                    active_employers = table.Column<long>(type: "bigint", nullable: false),
                    aware_villages = table.Column<int>(type: "integer", nullable: true),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regional_figures", x => new { x.regency_code, x.period });
                    table.ForeignKey(
                        name: "fk_regional_figures_import_batches_import_batch_id",
                        column: x => x.import_batch_id,
                        principalTable: "import_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_regional_figures_regencies_and_cities_regency_code",
                        column: x => x.regency_code,
                        principalTable: "regencies_and_cities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_regional_figures_import_batch_id",
                table: "regional_figures",
                column: "import_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_regional_figures_period",
                table: "regional_figures",
                column: "period");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "regional_figures");
        }
    }
}
