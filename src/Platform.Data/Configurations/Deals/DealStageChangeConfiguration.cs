using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Deals;

namespace Platform.Data.Configurations.Deals;

internal sealed class DealStageChangeConfiguration : EntityConfiguration<DealStageChange>
{
    protected override void ConfigureEntity(EntityTypeBuilder<DealStageChange> builder)
    {
        builder.ToTable("DealStageChanges");
        builder.Property(c => c.ChangedBy).HasMaxLength(Lengths.Actor);

        builder.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.FromStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.ToStageId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => new { c.DealId, c.ChangedAt });
        // Funnel KPIs: deals entering a stage over time.
        builder.HasIndex(c => new { c.ToStageId, c.ChangedAt });
    }
}
