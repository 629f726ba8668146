using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Referrals;

internal sealed class PayoutConfiguration : EntityConfiguration<Payout>
{
    protected override void ConfigureEntity(EntityTypeBuilder<Payout> builder)
    {
        builder.ToTable("Payouts");
        builder.Property(p => p.Currency).IsCurrencyCode();
        builder.Property(p => p.Reference).HasMaxLength(Lengths.Short);

        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PartnerId, p.PaidAt });
    }
}
