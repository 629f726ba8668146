using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Deals;

namespace Platform.Data.Configurations.Deals;

internal sealed class PipelineStageConfiguration : EntityConfiguration<PipelineStage>
{
    protected override void ConfigureEntity(EntityTypeBuilder<PipelineStage> builder)
    {
        builder.ToTable("PipelineStages");
        builder.Property(s => s.Code).HasMaxLength(PipelineStageCodes.MaxLength);
        builder.Property(s => s.Name).HasMaxLength(Lengths.Name);
        builder.HasIndex(s => new { s.PipelineId, s.Code }).IsUnique();
        builder.HasIndex(s => new { s.PipelineId, s.Position });

        builder.HasData(DefaultPipeline.Stages());
    }
}
