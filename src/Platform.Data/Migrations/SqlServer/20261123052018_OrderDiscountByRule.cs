using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderDiscountByRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NthOrderDiscountMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SingleReceiptDiscountMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TenureDiscountMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NthOrderDiscountMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "SingleReceiptDiscountMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TenureDiscountMinor",
                table: "Orders");
        }
    }
}
