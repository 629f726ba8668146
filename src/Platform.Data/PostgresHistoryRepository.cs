using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Platform.Data;

/// <summary>
/// The PostgreSQL migrations history, read only once it exists. The provider takes the table as always there and catches
/// the "relation does not exist" of its first read, which EF Core logs as a failed command (at Error) on every migration
/// of a new database; here a new database is asked whether the table exists first, through the search path as the
/// history's own statements name it.
/// </summary>
#pragma warning disable EF1001 // The provider's history repository is public but marked internal; this only adds the check.
internal sealed class PostgresHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    public override bool Exists() =>
        Dependencies.DatabaseCreator.Exists() && InterpretExistsResult(ExistsCommand().ExecuteScalar(ExistsParameters()));

    public override async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        await Dependencies.DatabaseCreator.ExistsAsync(cancellationToken).ConfigureAwait(false)
        && InterpretExistsResult(await ExistsCommand().ExecuteScalarAsync(ExistsParameters(), cancellationToken).ConfigureAwait(false));

    public override IReadOnlyList<HistoryRow> GetAppliedMigrations() => Exists() ? base.GetAppliedMigrations() : [];

    public override async Task<IReadOnlyList<HistoryRow>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default) =>
        await ExistsAsync(cancellationToken).ConfigureAwait(false) ? await base.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false) : [];

    protected override string ExistsSql =>
        $"SELECT to_regclass({Dependencies.TypeMappingSource.GetMapping(typeof(string)).GenerateSqlLiteral(SqlGenerationHelper.DelimitIdentifier(TableName, TableSchema))}) IS NOT NULL";

    protected override bool InterpretExistsResult(object? value) => value is true;

    private IRelationalCommand ExistsCommand() => Dependencies.RawSqlCommandBuilder.Build(ExistsSql);

    private RelationalCommandParameterObject ExistsParameters() =>
        new(Dependencies.Connection, null, null, Dependencies.CurrentContext.Context, Dependencies.CommandLogger, CommandSource.Migrations);
}
#pragma warning restore EF1001
