using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Paritrana.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxWorkKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "outbox_mails",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "work_key",
                table: "outbox_mails",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_mails_work_key",
                table: "outbox_mails",
                column: "work_key",
                filter: "sent_at IS NULL AND cancelled_at IS NULL AND work_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_mails_work_key",
                table: "outbox_mails");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "outbox_mails");

            migrationBuilder.DropColumn(
                name: "work_key",
                table: "outbox_mails");
        }
    }
}
