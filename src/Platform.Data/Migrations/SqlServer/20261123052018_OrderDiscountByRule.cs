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

            // Backfill from the stored breakdown: under BEST_SINGLE the one applied rule gave the whole discount. Orders
            // priced under ADDITIVE before this migration keep 0 parts (their cap-shared split is not in the JSON).
            migrationBuilder.Sql("""
                UPDATE [Orders] SET [SingleReceiptDiscountMinor] = [DiscountAmountMinor]
                WHERE [DiscountAmountMinor] > 0 AND ISJSON([DiscountBreakdown]) = 1 AND JSON_VALUE([DiscountBreakdown], '$.policy') = 'BEST_SINGLE'
                  AND EXISTS (SELECT 1 FROM OPENJSON([DiscountBreakdown], '$.rules') WITH ([rule] nvarchar(8) '$.rule', [applied] bit '$.applied') AS r
                              WHERE r.[rule] = 'D1' AND r.[applied] = 1);
                """);
            migrationBuilder.Sql("""
                UPDATE [Orders] SET [TenureDiscountMinor] = [DiscountAmountMinor]
                WHERE [DiscountAmountMinor] > 0 AND ISJSON([DiscountBreakdown]) = 1 AND JSON_VALUE([DiscountBreakdown], '$.policy') = 'BEST_SINGLE'
                  AND EXISTS (SELECT 1 FROM OPENJSON([DiscountBreakdown], '$.rules') WITH ([rule] nvarchar(8) '$.rule', [applied] bit '$.applied') AS r
                              WHERE r.[rule] = 'D3' AND r.[applied] = 1);
                """);
            migrationBuilder.Sql("""
                UPDATE [Orders] SET [NthOrderDiscountMinor] = [DiscountAmountMinor]
                WHERE [DiscountAmountMinor] > 0 AND ISJSON([DiscountBreakdown]) = 1 AND JSON_VALUE([DiscountBreakdown], '$.policy') = 'BEST_SINGLE'
                  AND EXISTS (SELECT 1 FROM OPENJSON([DiscountBreakdown], '$.rules') WITH ([rule] nvarchar(8) '$.rule', [applied] bit '$.applied') AS r
                              WHERE r.[rule] = 'D4' AND r.[applied] = 1);
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
