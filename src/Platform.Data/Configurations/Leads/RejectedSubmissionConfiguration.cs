using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Leads;

internal sealed class RejectedSubmissionConfiguration : EntityConfiguration<RejectedSubmission>
{
    protected override void ConfigureEntity(EntityTypeBuilder<RejectedSubmission> builder)
    {
        builder.ToTable("RejectedSubmissions");
        builder.Property(r => r.Source).HasMaxLength(Lengths.Short);
        builder.Property(r => r.IpAddress).HasMaxLength(64);
        // Spam counts per source and reason over time.
        builder.HasIndex(r => new { r.Source, r.RejectedAt });
        // The retention deletes by age.
        builder.HasIndex(r => r.RejectedAt);
    }
}
