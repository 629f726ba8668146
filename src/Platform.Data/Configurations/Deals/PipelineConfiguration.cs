using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Deals;

namespace Platform.Data.Configurations.Deals;

internal sealed class PipelineConfiguration : EntityConfiguration<Pipeline>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Pipeline> builder)
    {
        builder.ToTable("Pipelines");
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.HasMany(p => p.Stages).WithOne(s => s.Pipeline).HasForeignKey(s => s.PipelineId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.IsDefault);

        builder.HasData(DefaultPipeline.Pipeline());
    }
}
