using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SingleReceiptDiscountMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "TenureDiscountMinor",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Backfill from the stored breakdown: under BEST_SINGLE the one applied rule gave the whole discount. Orders
            // priced under ADDITIVE before this migration keep 0 parts (their cap-shared split is not in the JSON).
            migrationBuilder.Sql("""
                UPDATE "Orders" SET "SingleReceiptDiscountMinor" = "DiscountAmountMinor"
                WHERE "DiscountAmountMinor" > 0 AND json_valid("DiscountBreakdown") AND json_extract("DiscountBreakdown", '$.policy') = 'BEST_SINGLE'
                  AND EXISTS (SELECT 1 FROM json_each("DiscountBreakdown", '$.rules') AS r
                              WHERE json_extract(r.value, '$.rule') = 'D1' AND json_extract(r.value, '$.applied') = 1);
                """);
            migrationBuilder.Sql("""
                UPDATE "Orders" SET "TenureDiscountMinor" = "DiscountAmountMinor"
                WHERE "DiscountAmountMinor" > 0 AND json_valid("DiscountBreakdown") AND json_extract("DiscountBreakdown", '$.policy') = 'BEST_SINGLE'
                  AND EXISTS (SELECT 1 FROM json_each("DiscountBreakdown", '$.rules') AS r
                              WHERE json_extract(r.value, '$.rule') = 'D3' AND json_extract(r.value, '$.applied') = 1);
                """);
            migrationBuilder.Sql("""
                UPDATE "Orders" SET "NthOrderDiscountMinor" = "DiscountAmountMinor"
                WHERE "DiscountAmountMinor" > 0 AND json_valid("DiscountBreakdown") AND json_extract("DiscountBreakdown", '$.policy') = 'BEST_SINGLE'
                  AND EXISTS (SELECT 1 FROM json_each("DiscountBreakdown", '$.rules') AS r
                              WHERE json_extract(r.value, '$.rule') = 'D4' AND json_extract(r.value, '$.applied') = 1);
                """);
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
