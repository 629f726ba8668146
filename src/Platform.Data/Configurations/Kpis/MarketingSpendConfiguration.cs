using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Kpis;

internal sealed class MarketingSpendConfiguration : EntityConfiguration<MarketingSpend>
{
    protected override void ConfigureEntity(EntityTypeBuilder<MarketingSpend> builder)
    {
        builder.ToTable("MarketingSpends");
        builder.Property(s => s.Channel).HasMaxLength(LeadChannels.MaxLength);
        builder.Property(s => s.LandingPage).HasMaxLength(Lengths.Short);
        builder.Property(s => s.Currency).IsCurrencyCode();

        // Cost per lead / ROI per channel and period.
        builder.HasIndex(s => new { s.PeriodStart, s.Channel });
        builder.HasIndex(s => new { s.Channel, s.PeriodStart });
    }
}
