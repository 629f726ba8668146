using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KpiIndexesAndTeamPlanUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SalesPlans_Year_Quarter_Team",
                table: "SalesPlans",
                columns: new[] { "Year", "Quarter" },
                unique: true,
                filter: "\"OwnerId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_QualifiedAt",
                table: "Leads",
                column: "QualifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_ProposalSentAt",
                table: "Deals",
                column: "ProposalSentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SalesPlans_Year_Quarter_Team",
                table: "SalesPlans");

            migrationBuilder.DropIndex(
                name: "IX_Leads_QualifiedAt",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_Deals_ProposalSentAt",
                table: "Deals");
        }
    }
}
