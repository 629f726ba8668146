using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Referrals;

internal sealed class ReferralConfiguration : EntityConfiguration<Referral>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.Property(r => r.RejectionReason).HasMaxLength(Lengths.Reason);

        builder.HasOne<ReferralProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralCode>().WithMany().HasForeignKey(r => r.ReferralCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ReferrerClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(r => r.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Rewards).WithOne().HasForeignKey(w => w.ReferralId).OnDelete(DeleteBehavior.Restrict);

        // First valid attribution wins: at most one referral per lead.
        builder.HasIndex(r => r.LeadId).IsUnique();
        // Partner and refer-a-friend views, by status, newest first.
        builder.HasIndex(r => new { r.PartnerId, r.Status, r.AttributedAt });
        builder.HasIndex(r => new { r.ReferrerClientId, r.Status });
        builder.HasIndex(r => new { r.Status, r.AttributedAt });
    }
}
