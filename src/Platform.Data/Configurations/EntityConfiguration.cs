using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain;

namespace Platform.Data.Configurations;

/// <summary>
/// Shared mapping of every <see cref="Entity"/>: identity key, audit stamp columns and the
/// <see cref="Entity.Version"/> optimistic-concurrency token. Subclasses map the rest.
/// </summary>
internal abstract class EntityConfiguration<T> : IEntityTypeConfiguration<T>
    where T : Entity
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.CreatedBy).HasMaxLength(Lengths.Actor);
        builder.Property(e => e.UpdatedBy).HasMaxLength(Lengths.Actor);
        builder.Property(e => e.Version).IsConcurrencyToken();
        ConfigureEntity(builder);
    }

    protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
}

/// <summary>Column lengths shared by the configurations (4000 is SQL Server's largest bounded nvarchar).</summary>
internal static class Lengths
{
    public const int Actor = 200;
    public const int Name = 200;
    public const int PersonName = 100;
    public const int Email = 256;
    public const int Phone = 32;
    public const int Url = 2048;
    public const int Utm = 256;
    public const int Code = 64;
    public const int Short = 128;
    public const int Reason = 1000;
    public const int Text = 4000;
}

internal static class PropertyBuilderExtensions
{
    /// <summary>An ISO 4217 code: char(3), ASCII, required.</summary>
    public static PropertyBuilder<string> IsCurrencyCode(this PropertyBuilder<string> property) =>
        property.HasMaxLength(Currencies.CodeLength).IsFixedLength().IsUnicode(false).IsRequired();
}
