using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Imports;

namespace Platform.Data.Configurations.Imports;

internal sealed class LeadImportRowConfiguration : IEntityTypeConfiguration<LeadImportRow>
{
    public void Configure(EntityTypeBuilder<LeadImportRow> builder)
    {
        builder.ToTable("LeadImportRows");
        // One result per row: a batch committed twice (two nodes) fails on the second.
        builder.HasKey(r => new { r.ImportId, r.RowNumber });
        builder.Property(r => r.Errors).HasMaxLength(Lengths.Text);
        builder.HasOne<LeadImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
