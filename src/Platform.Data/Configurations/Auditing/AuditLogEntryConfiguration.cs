using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Auditing;

namespace Platform.Data.Configurations.Auditing;

internal sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(Lengths.Actor);
        builder.Property(e => e.ClientId).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Operation).HasMaxLength(Lengths.Short);
        builder.Property(e => e.TargetIds).HasMaxLength(Lengths.Text);
        builder.Property(e => e.Details); // JSON, unbounded

        builder.HasIndex(e => new { e.At, e.Id });
        builder.HasIndex(e => new { e.Actor, e.At });
        builder.HasIndex(e => new { e.Operation, e.At });
    }
}
