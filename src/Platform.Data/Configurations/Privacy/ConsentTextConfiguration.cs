using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Privacy;

namespace Platform.Data.Configurations.Privacy;

internal sealed class ConsentTextConfiguration : EntityConfiguration<ConsentText>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ConsentText> builder)
    {
        builder.ToTable("ConsentTexts");
        builder.Property(t => t.Text).HasMaxLength(Lengths.Text).IsRequired();
    }
}
