using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;
using Platform.Domain.Staff;

namespace Platform.Data.Configurations.Kpis;

internal sealed class SalesPlanConfiguration : EntityConfiguration<SalesPlan>
{
    protected override void ConfigureEntity(EntityTypeBuilder<SalesPlan> builder)
    {
        builder.ToTable("SalesPlans", t => t.HasCheckConstraint("CK_SalesPlans_Quarter", "\"Quarter\" BETWEEN 1 AND 4"));
        builder.Property(p => p.Currency).IsCurrencyCode();

        builder.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // One plan per manager and quarter (T8). NULLs are distinct in a unique index on PostgreSQL and SQLite (and EF
        // Core filters them out on SQL Server), so the team plan (no owner) has its own unique index over the rows without
        // an owner: at most one team plan per quarter on every provider, whatever the races of setSalesPlan.
        builder.HasIndex(p => new { p.Year, p.Quarter, p.OwnerId }).IsUnique();
        builder.HasIndex(p => new { p.Year, p.Quarter }).IsUnique().HasFilter("\"OwnerId\" IS NULL").HasDatabaseName("IX_SalesPlans_Year_Quarter_Team");
        builder.HasIndex(p => p.OwnerId);
    }
}
