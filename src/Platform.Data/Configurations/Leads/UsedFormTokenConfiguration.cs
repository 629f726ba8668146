using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Leads;

namespace Platform.Data.Configurations.Leads;

internal sealed class UsedFormTokenConfiguration : IEntityTypeConfiguration<UsedFormToken>
{
    public void Configure(EntityTypeBuilder<UsedFormToken> builder)
    {
        builder.ToTable("UsedFormTokens");
        // The key is what makes a token single use across nodes: a second insert of the id fails.
        builder.HasKey(t => t.TokenId);
        builder.Property(t => t.TokenId).ValueGeneratedNever();
        builder.Property(t => t.ReceiptId).HasMaxLength(36).IsRequired();
        // The sweep deletes by expiry.
        builder.HasIndex(t => t.ExpiresAt);
    }
}
