using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Data;

// Used by dotnet-ef (scripts/add-migration.sh) and the model tests: they build each provider's
// model without a database; the connection strings are never opened.

/// <summary>Creates a <see cref="SqliteDbContext"/> for design-time tools.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    /// <inheritdoc />
    public SqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Creates a <see cref="PostgresDbContext"/> for design-time tools.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    /// <inheritdoc />
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=platform_design_time").Options);
}

/// <summary>Creates a <see cref="SqlServerDbContext"/> for design-time tools.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDbContext>
{
    /// <inheritdoc />
    public SqlServerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDbContext>().UseSqlServer("Server=localhost;Database=PlatformDesignTime;Integrated Security=true;TrustServerCertificate=true").Options);
}
