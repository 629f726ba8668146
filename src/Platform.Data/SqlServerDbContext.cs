using Microsoft.EntityFrameworkCore;

namespace Platform.Data;

/// <summary>The platform database on SQL Server (the production target); migrations in <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerDbContext(DbContextOptions<SqlServerDbContext> options) : PlatformDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // datetime2 keeps no time zone: values read back are marked UTC, as they were written.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
