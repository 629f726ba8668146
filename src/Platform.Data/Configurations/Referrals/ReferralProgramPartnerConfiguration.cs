using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Referrals;

internal sealed class ReferralProgramPartnerConfiguration : EntityConfiguration<ReferralProgramPartner>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ReferralProgramPartner> builder)
    {
        builder.ToTable("ReferralProgramPartners");
        builder.HasOne<ReferralProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProgramId, e.PartnerId }).IsUnique();
        builder.HasIndex(e => e.PartnerId);
    }
}
