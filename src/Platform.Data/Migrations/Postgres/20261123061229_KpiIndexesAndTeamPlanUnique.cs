using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KpiIndexesAndTeamPlanUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before the team plan's unique index: two team plans of one quarter could have been saved by racing calls
            // of setSalesPlan; keep the last saved (highest Id) so the index can be created.
            migrationBuilder.Sql("""
                DELETE FROM "SalesPlans" WHERE "OwnerId" IS NULL AND "Id" NOT IN (
                    SELECT MAX(p."Id") FROM "SalesPlans" AS p WHERE p."OwnerId" IS NULL GROUP BY p."Year", p."Quarter")
                """);

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
