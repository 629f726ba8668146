using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Events;

namespace Platform.Data.Configurations.Events;

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("OutboxEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(Lengths.Code).IsUnicode(false);
        builder.Property(e => e.AggregateType).HasMaxLength(Lengths.Code).IsUnicode(false);
        builder.Property(e => e.Payload).HasMaxLength(Lengths.Text);

        // One aggregate's history, in order.
        builder.HasIndex(e => new { e.AggregateType, e.AggregateId, e.AggregateVersion });
        // The events the webhook dispatcher has not fanned out yet, in order: only they are in the index, so a claim never
        // walks past the fanned-out ones (after a burst of writes, hundreds of thousands).
        builder.HasIndex(e => e.Id).HasFilter("\"FannedOutAt\" IS NULL").HasDatabaseName("IX_OutboxEvents_Id_Pending");
    }
}
