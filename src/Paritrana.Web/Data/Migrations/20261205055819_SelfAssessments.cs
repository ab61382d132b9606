using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SelfAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "self_assessments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    nomination_id = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    is_government = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    figures_saved = table.Column<bool>(type: "boolean", nullable: false),
                    figures_as_of = table.Column<DateOnly>(type: "date", nullable: true),
                    workers = table.Column<int>(type: "integer", nullable: true),
                    participants_pu = table.Column<int>(type: "integer", nullable: true),
                    participants_bpu = table.Column<int>(type: "integer", nullable: true),
                    programs = table.Column<int>(type: "integer", nullable: false),
                    arrears_months = table.Column<int>(type: "integer", nullable: true),
                    all_workers_registered = table.Column<bool>(type: "boolean", nullable: true),
                    wages_reported_correctly = table.Column<bool>(type: "boolean", nullable: true),
                    uses_sipp = table.Column<bool>(type: "boolean", nullable: true),
                    jmo_users = table.Column<int>(type: "integer", nullable: true),
                    nik_validated_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    vendor_count = table.Column<int>(type: "integer", nullable: true),
                    vendors_registered = table.Column<int>(type: "integer", nullable: true),
                    csr_description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    csr_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    workforce_bps = table.Column<long>(type: "bigint", nullable: true),
                    protected_pu = table.Column<int>(type: "integer", nullable: true),
                    protected_bpu = table.Column<int>(type: "integer", nullable: true),
                    non_asn_workers = table.Column<int>(type: "integer", nullable: true),
                    non_asn_covered = table.Column<int>(type: "integer", nullable: true),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    village_officials = table.Column<int>(type: "integer", nullable: true),
                    customary_officials = table.Column<int>(type: "integer", nullable: true),
                    religious_workers = table.Column<int>(type: "integer", nullable: true),
                    farmers_and_fishers = table.Column<int>(type: "integer", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    submissions = table.Column<int>(type: "integer", nullable: false),
                    return_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resubmit_by = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessments_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_self_assessments_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "self_assessment_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    self_assessment_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    file_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    storage_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessment_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessment_documents_self_assessments_self_assessment_~",
                        column: x => x.self_assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "self_assessment_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    self_assessment_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    regulation_type = table.Column<int>(type: "integer", nullable: true),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    workers_covered = table.Column<int>(type: "integer", nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessment_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessment_items_self_assessment_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "self_assessment_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_self_assessment_items_self_assessments_self_assessment_id",
                        column: x => x.self_assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_self_assessment_documents_self_assessment_id",
                table: "self_assessment_documents",
                column: "self_assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_assessment_items_document_id",
                table: "self_assessment_items",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_assessment_items_self_assessment_id",
                table: "self_assessment_items",
                column: "self_assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_nomination_id",
                table: "self_assessments",
                column: "nomination_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_organisation_id",
                table: "self_assessments",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_province_code_status",
                table: "self_assessments",
                columns: new[] { "province_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "self_assessment_items");

            migrationBuilder.DropTable(
                name: "self_assessment_documents");

            migrationBuilder.DropTable(
                name: "self_assessments");
        }
    }
}
