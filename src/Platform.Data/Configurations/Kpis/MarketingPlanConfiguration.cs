using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Kpis;

internal sealed class MarketingPlanConfiguration : EntityConfiguration<MarketingPlan>
{
    protected override void ConfigureEntity(EntityTypeBuilder<MarketingPlan> builder)
    {
        builder.ToTable("MarketingPlans", t => t.HasCheckConstraint("CK_MarketingPlans_Quarter", "\"Quarter\" BETWEEN 1 AND 4"));
        builder.Property(p => p.Channel).HasMaxLength(LeadChannels.MaxLength);
        builder.Property(p => p.Currency).IsCurrencyCode();

        builder.HasIndex(p => new { p.Year, p.Quarter, p.Channel }).IsUnique();
    }
}
