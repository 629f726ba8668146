using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Leads;

internal sealed class ActivityConfiguration : EntityConfiguration<Activity>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.Property(a => a.Subject).HasMaxLength(Lengths.Reason);
        builder.Property(a => a.Result).HasMaxLength(Lengths.Text);
        builder.Property(a => a.NextContactTopic).HasMaxLength(Lengths.Reason);
        builder.Property(a => a.Agreements); // JSON array, unbounded
        builder.Property(a => a.SubmissionSource).HasMaxLength(Lengths.Short);
        builder.Property(a => a.IdempotencyKey).HasMaxLength(Lengths.Short);

        builder.HasOne(a => a.Lead).WithMany(l => l.Activities).HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Deal>().WithMany().HasForeignKey(a => a.DealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(a => new { a.LeadId, a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.ClientId, a.OccurredAt });
        builder.HasIndex(a => new { a.DealId, a.OccurredAt });
        builder.HasIndex(a => new { a.OwnerId, a.OccurredAt });
        builder.HasIndex(a => a.NextContactAt); // next contact due (T6)
        // A retried repeat touch is not recorded twice. The key leads: it is what the intake looks up, many at a time,
        // and every touch of a landing page shares its source.
        builder.HasIndex(a => new { a.IdempotencyKey, a.SubmissionSource }).IsUnique();
    }
}
