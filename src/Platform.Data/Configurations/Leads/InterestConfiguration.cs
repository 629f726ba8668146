using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Leads;

internal sealed class InterestConfiguration : EntityConfiguration<Interest>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Interest> builder)
    {
        builder.ToTable("Interests");
        builder.Property(i => i.Channel).HasMaxLength(LeadChannels.MaxLength);
        builder.Property(i => i.LandingPage).HasMaxLength(Lengths.Short);
        builder.Property(i => i.PageUrl).HasMaxLength(Lengths.Url);
        builder.Property(i => i.Referrer).HasMaxLength(Lengths.Url);
        builder.Property(i => i.VisitorId).HasMaxLength(Lengths.Short);
        builder.Property(i => i.Payload); // JSON, unbounded

        builder.HasOne<Lead>().WithMany().HasForeignKey(i => i.LeadId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(i => new { i.OccurredAt, i.Channel });
        builder.HasIndex(i => i.VisitorId);
    }
}
