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
        // One plan per manager and quarter (T8); the team plan (no owner) is kept unique by the API.
        builder.HasIndex(p => new { p.Year, p.Quarter, p.OwnerId }).IsUnique();
        builder.HasIndex(p => p.OwnerId);
    }
}
