using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Webhooks;

namespace Platform.Data.Configurations.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : EntityConfiguration<WebhookSubscription>
{
    protected override void ConfigureEntity(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.Property(s => s.OwnerKey).HasMaxLength(Lengths.Actor);
        builder.Property(s => s.Url).HasMaxLength(Lengths.Url);
        builder.Property(s => s.Events).HasMaxLength(Lengths.Reason).IsUnicode(false);
        builder.Property(s => s.Description).HasMaxLength(Lengths.Reason);
        builder.Property(s => s.Secret).HasMaxLength(Lengths.Short).IsUnicode(false);
        builder.Property(s => s.PreviousSecret).HasMaxLength(Lengths.Short).IsUnicode(false);
        builder.Property(s => s.DisabledReason).HasMaxLength(Lengths.Reason);
        builder.Ignore(s => s.EventTypes);
        builder.HasIndex(s => s.OwnerKey);
    }
}
