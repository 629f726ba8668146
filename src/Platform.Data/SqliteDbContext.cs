using Microsoft.EntityFrameworkCore;

namespace Platform.Data;

/// <summary>The platform database on SQLite (the embedded default); migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : PlatformDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone: values read back are marked UTC, as they were written.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
