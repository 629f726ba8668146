using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KpiCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_PaidAt_ClientId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Leads_CreatedAt_Channel",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PaidAt_ClientId",
                table: "Orders",
                columns: new[] { "PaidAt", "ClientId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Currency", "NetAmountMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_CreatedAt_Channel",
                table: "Leads",
                columns: new[] { "CreatedAt", "Channel" })
                .Annotation("Npgsql:IndexInclude", new[] { "ConvertedAt", "FirstRespondedAt", "RequestType", "Temperature", "Origin", "OwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_PaidAt_ClientId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Leads_CreatedAt_Channel",
                table: "Leads");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PaidAt_ClientId",
                table: "Orders",
                columns: new[] { "PaidAt", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_CreatedAt_Channel",
                table: "Leads",
                columns: new[] { "CreatedAt", "Channel" });
        }
    }
}
