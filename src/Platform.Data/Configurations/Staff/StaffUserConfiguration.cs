using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Staff;

namespace Platform.Data.Configurations.Staff;

internal sealed class StaffUserConfiguration : EntityConfiguration<StaffUser>
{
    protected override void ConfigureEntity(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("StaffUsers");
        builder.Property(u => u.Name).HasMaxLength(Lengths.Name);
        builder.Property(u => u.Email).HasMaxLength(Lengths.Email);
        builder.Property(u => u.IdentityUserId).HasMaxLength(450);

        builder.HasIndex(u => u.Email).IsUnique();
        builder.HasIndex(u => u.IdentityUserId).IsUnique();
        // Lead routing: best-ranked available manager of a role.
        builder.HasIndex(u => new { u.SalesRole, u.IsAvailable, u.SkillRank });
    }
}
