using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Kpis;

/// <summary>SQL the rollup compactions share.</summary>
internal static class KpiRollupSql
{
    /// <summary>A DELETE of the rows of <paramref name="table"/> matching <paramref name="where"/> that returns them: RETURNING, on SQL Server OUTPUT.</summary>
    public static string DeleteReturning(PlatformDbContext db, string table, string where) => db.Database.IsSqlServer()
        ? $"DELETE FROM \"{table}\" OUTPUT DELETED.* WHERE {where}"
        : $"DELETE FROM \"{table}\" WHERE {where} RETURNING *";
}
