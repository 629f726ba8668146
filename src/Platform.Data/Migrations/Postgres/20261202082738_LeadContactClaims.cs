using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeadContactClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_SubmissionSource_IdempotencyKey",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Activities_SubmissionSource_IdempotencyKey",
                table: "Activities");

            migrationBuilder.AddColumn<string>(
                name: "EmailClaim",
                table: "Leads",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneClaim",
                table: "Leads",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_EmailClaim",
                table: "Leads",
                column: "EmailClaim",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_IdempotencyKey_SubmissionSource",
                table: "Leads",
                columns: new[] { "IdempotencyKey", "SubmissionSource" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_PhoneClaim",
                table: "Leads",
                column: "PhoneClaim",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_IdempotencyKey_SubmissionSource",
                table: "Activities",
                columns: new[] { "IdempotencyKey", "SubmissionSource" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Leads_EmailClaim",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_IdempotencyKey_SubmissionSource",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Leads_PhoneClaim",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Activities_IdempotencyKey_SubmissionSource",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "EmailClaim",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "PhoneClaim",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_SubmissionSource_IdempotencyKey",
                table: "Leads",
                columns: new[] { "SubmissionSource", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_SubmissionSource_IdempotencyKey",
                table: "Activities",
                columns: new[] { "SubmissionSource", "IdempotencyKey" },
                unique: true);
        }
    }
}
