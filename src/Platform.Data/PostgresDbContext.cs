using Microsoft.EntityFrameworkCore;
using Platform.Domain.Deals;

namespace Platform.Data;

/// <summary>
/// The platform database on PostgreSQL; migrations in <c>Migrations/Postgres</c>. DateTime maps to
/// <c>timestamp with time zone</c> and must be UTC.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : PlatformDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Identity sequences do not advance past explicitly inserted seed ids (the default pipeline),
        // so start them beyond the seeded range.
        modelBuilder.Entity<Pipeline>().Property(p => p.Id).HasIdentityOptions(startValue: 1000);
        modelBuilder.Entity<PipelineStage>().Property(s => s.Id).HasIdentityOptions(startValue: 1000);
    }
}
