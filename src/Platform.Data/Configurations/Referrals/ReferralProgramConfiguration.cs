using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Referrals;

internal sealed class ReferralProgramConfiguration : EntityConfiguration<ReferralProgram>
{
    protected override void ConfigureEntity(EntityTypeBuilder<ReferralProgram> builder)
    {
        builder.ToTable("ReferralPrograms");
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.Property(p => p.Description).HasMaxLength(Lengths.Text);
        builder.Property(p => p.Currency).IsCurrencyCode();
    }
}
