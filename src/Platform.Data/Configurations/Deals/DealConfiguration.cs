using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Deals;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Deals;

internal sealed class DealConfiguration : EntityConfiguration<Deal>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("Deals");
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.Property(d => d.Currency).IsCurrencyCode();
        builder.Property(d => d.Requirements).HasMaxLength(Lengths.Text);
        builder.Property(d => d.ContractRef).HasMaxLength(Lengths.Short);
        builder.Property(d => d.InvoiceRef).HasMaxLength(Lengths.Short);
        builder.Property(d => d.LostReason).HasMaxLength(Lengths.Reason);
        builder.Property(d => d.HandoffProjectManager).HasMaxLength(Lengths.Name);

        builder.HasOne(d => d.Client).WithMany(c => c.Deals).HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Pipeline).WithMany().HasForeignKey(d => d.PipelineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Stage).WithMany().HasForeignKey(d => d.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Owner).WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(d => d.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.StageChanges).WithOne().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(d => d.StageId);
        builder.HasIndex(d => d.ClientId);
        builder.HasIndex(d => new { d.CreatedAt, d.Id });
        builder.HasIndex(d => new { d.OwnerId, d.StageId });
        builder.HasIndex(d => d.ClosedAt);
        builder.HasIndex(d => d.ProposalSentAt); // proposalTimeKpi and the hourglass's TRY stage: proposals sent in a range (T4)
    }
}
