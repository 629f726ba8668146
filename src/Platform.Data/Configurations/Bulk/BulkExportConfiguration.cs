using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Bulk;

namespace Platform.Data.Configurations.Bulk;

internal sealed class BulkExportConfiguration : IEntityTypeConfiguration<BulkExport>
{
    public void Configure(EntityTypeBuilder<BulkExport> builder)
    {
        builder.ToTable("BulkExports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.OwnerKey).HasMaxLength(Lengths.Actor);
        builder.Property(e => e.ActiveOwnerKey).HasMaxLength(Lengths.Actor);
        builder.Property(e => e.OwnerName).HasMaxLength(Lengths.Actor);
        // A status change saved from a read row holds only if no node or caller changed the status or holder meanwhile.
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.Property(e => e.Fields).HasMaxLength(Lengths.Reason).IsUnicode(false);
        builder.Property(e => e.Holder).HasMaxLength(Lengths.Code).IsUnicode(false).IsConcurrencyToken();
        builder.Property(e => e.FileName).HasMaxLength(Lengths.Short).IsUnicode(false);
        builder.Property(e => e.Error).HasMaxLength(Lengths.Reason);
        builder.Ignore(e => e.IsActive);
        // One export queued or running per caller, whichever node it asked.
        builder.HasIndex(e => e.ActiveOwnerKey).IsUnique();
        builder.HasIndex(e => e.OwnerKey);
        builder.HasIndex(e => e.Status);
    }
}
