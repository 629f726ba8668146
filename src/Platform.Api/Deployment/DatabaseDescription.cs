using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Data;

namespace Platform.Api.Deployment;

/// <summary>Names the configured database for an operator, never with its password.</summary>
internal static class DatabaseDescription
{
    /// <summary>E.g. <c>Postgres database `platform` on db.internal:5432 as platform</c> or <c>Sqlite file /srv/data/platform.db</c>.</summary>
    public static string Of(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var connectionString = options.ResolveConnectionString();
        switch (options.ProviderKind)
        {
            case DatabaseProvider.Postgres:
                var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                return $"Postgres database `{postgres.Database}` on {postgres.Host}:{postgres.Port}{As(postgres.Username)}";
            case DatabaseProvider.SqlServer:
                var sqlServer = new SqlConnectionStringBuilder(connectionString);
                return $"SqlServer database `{sqlServer.InitialCatalog}` on {sqlServer.DataSource}{As(sqlServer.UserID)}";
            default:
                return $"Sqlite file {new SqliteConnectionStringBuilder(connectionString).DataSource}";
        }
    }

    private static string As(string? user) => string.IsNullOrEmpty(user) ? "" : $" as {user}";
}
