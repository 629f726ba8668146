using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Webhooks;

namespace Platform.Data.Configurations.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Type).HasMaxLength(Lengths.Code).IsUnicode(false);
        builder.Property(d => d.AggregateType).HasMaxLength(Lengths.Code).IsUnicode(false);
        builder.Property(d => d.Payload).HasMaxLength(Lengths.Text);
        builder.Property(d => d.Error).HasMaxLength(Lengths.Reason);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);

        // What the dispatcher claims: the oldest pending deliveries, in id order, without reading those done; and one
        // subscription's earlier deliveries of an aggregate.
        builder.HasIndex(d => d.Id).HasFilter("\"Status\" = 'Pending'").HasDatabaseName("IX_WebhookDeliveries_Id_Pending");
        builder.HasIndex(d => new { d.SubscriptionId, d.AggregateType, d.AggregateId, d.Status });
        // Retention finds old deliveries by creation time (a delivery's last attempt is never before it).
        builder.HasIndex(d => d.CreatedAt);
        // An event is fanned out to a subscription once.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
    }
}
