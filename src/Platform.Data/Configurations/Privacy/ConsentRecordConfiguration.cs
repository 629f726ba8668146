using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Privacy;

namespace Platform.Data.Configurations.Privacy;

internal sealed class ConsentRecordConfiguration : EntityConfiguration<ConsentRecord>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("ConsentRecords");
        builder.HasOne(r => r.Lead).WithMany(l => l.Consents).HasForeignKey(r => r.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ConsentText>().WithMany().HasForeignKey(r => r.ConsentTextId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PageUrl).HasMaxLength(Lengths.Url);
        builder.Property(r => r.IpAddress).HasMaxLength(64);
        builder.Property(r => r.UserAgent).HasMaxLength(ConsentRecord.UserAgentLength);
    }
}
