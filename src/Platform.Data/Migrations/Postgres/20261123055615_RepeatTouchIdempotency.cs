using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RepeatTouchIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "Activities",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmissionSource",
                table: "Activities",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_SubmissionSource_IdempotencyKey",
                table: "Activities",
                columns: new[] { "SubmissionSource", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_SubmissionSource_IdempotencyKey",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "SubmissionSource",
                table: "Activities");
        }
    }
}
