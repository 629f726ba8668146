using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Imports;

namespace Platform.Data.Configurations.Imports;

internal sealed class LeadImportConfiguration : IEntityTypeConfiguration<LeadImport>
{
    public void Configure(EntityTypeBuilder<LeadImport> builder)
    {
        builder.ToTable("LeadImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.OwnerKey).HasMaxLength(Lengths.Actor);
        builder.Property(i => i.OwnerName).HasMaxLength(Lengths.Actor);
        builder.Property(i => i.ClientId).HasMaxLength(Lengths.Actor);
        builder.Property(i => i.FileId).HasMaxLength(32).IsUnicode(false);
        builder.Property(i => i.FileSha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(i => i.Mapping).HasMaxLength(Lengths.Text);
        builder.Property(i => i.Defaults).HasMaxLength(Lengths.Text);
        // A status change saved from a read row holds only if no node or caller changed the status or holder meanwhile.
        builder.Property(i => i.Status).IsConcurrencyToken();
        builder.Property(i => i.Holder).HasMaxLength(Lengths.Code).IsUnicode(false).IsConcurrencyToken();
        builder.Property(i => i.ResultFileName).HasMaxLength(Lengths.Short).IsUnicode(false);
        builder.Property(i => i.Error).HasMaxLength(Lengths.Reason);
        builder.Ignore(i => i.IsActive);
        builder.HasIndex(i => i.OwnerKey);
        builder.HasIndex(i => i.Status);
    }
}
