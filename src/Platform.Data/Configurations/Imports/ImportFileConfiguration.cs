using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Imports;

namespace Platform.Data.Configurations.Imports;

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> builder)
    {
        builder.ToTable("ImportFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(32).IsUnicode(false);
        builder.Property(f => f.OwnerKey).HasMaxLength(Lengths.Actor);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Ignore(f => f.StoredName);
    }
}
