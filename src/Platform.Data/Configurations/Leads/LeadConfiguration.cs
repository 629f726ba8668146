using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Clients;
using Platform.Domain.Leads;
using Platform.Domain.Referrals;

namespace Platform.Data.Configurations.Leads;

internal sealed class LeadConfiguration : EntityConfiguration<Lead>
{
    /// <summary>What the lead KPIs read besides CreatedAt and Channel: the steps reached and the small dimensions.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Lead, object?>> KpiColumns =
        l => new { l.ConvertedAt, l.FirstRespondedAt, l.RequestType, l.Temperature, l.Origin, l.OwnerId };

    /// <summary>What the conversion-time statistics read of a converted lead besides CreatedAt.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Lead, object?>> ConvertedColumns =
        l => new { l.ConvertedAt, l.Channel, l.Temperature, l.Origin, l.OwnerId };

    /// <summary>What the median's read of a histogram cell takes of a lead: its conversion and every dimension.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Lead, object?>> CellColumns =
        l => new { l.ConvertedAt, l.Channel, l.LandingPage, l.Temperature, l.Origin, l.OwnerId, l.PartnerId, l.AssignedPartnerId };

    protected override void ConfigureEntity(EntityTypeBuilder<Lead> builder)
    {
        builder.ToTable("Leads");
        builder.Property(l => l.FirstName).HasMaxLength(Lengths.PersonName);
        builder.Property(l => l.LastName).HasMaxLength(Lengths.PersonName);
        builder.Property(l => l.Phone).HasMaxLength(Lengths.Phone);
        builder.Property(l => l.Email).HasMaxLength(Lengths.Email);
        builder.Property(l => l.Company).HasMaxLength(Lengths.Name);
        builder.Property(l => l.Position).HasMaxLength(Lengths.Name);
        builder.Property(l => l.Region).HasMaxLength(Lengths.Short);
        builder.Property(l => l.Message).HasMaxLength(Lengths.Text);
        builder.Property(l => l.EstimateParameters); // JSON, unbounded
        builder.Property(l => l.Channel).HasMaxLength(LeadChannels.MaxLength);
        builder.Property(l => l.LandingPage).HasMaxLength(Lengths.Short);
        builder.Property(l => l.PageUrl).HasMaxLength(Lengths.Url);
        builder.Property(l => l.Referrer).HasMaxLength(Lengths.Url);
        builder.Property(l => l.UtmSource).HasMaxLength(Lengths.Utm);
        builder.Property(l => l.UtmMedium).HasMaxLength(Lengths.Utm);
        builder.Property(l => l.UtmCampaign).HasMaxLength(Lengths.Utm);
        builder.Property(l => l.UtmTerm).HasMaxLength(Lengths.Utm);
        builder.Property(l => l.UtmContent).HasMaxLength(Lengths.Utm);
        builder.Property(l => l.SubmissionSource).HasMaxLength(Lengths.Short);
        builder.Property(l => l.IdempotencyKey).HasMaxLength(Lengths.Short);
        builder.Property(l => l.PhoneClaim).HasMaxLength(Lengths.Phone);
        builder.Property(l => l.EmailClaim).HasMaxLength(Lengths.Email);
        builder.Property(l => l.NextContactTopic).HasMaxLength(Lengths.Reason);
        builder.Property(l => l.ConsentText).HasMaxLength(Lengths.Text);
        builder.Property(l => l.TargetCriteria); // JSON, unbounded
        builder.Property(l => l.RefusalReason).HasMaxLength(Lengths.Reason);

        builder.HasOne(l => l.Owner).WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.ReferralCode).WithMany().HasForeignKey(l => l.ReferralCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(l => l.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(l => l.AssignedPartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(l => l.ConvertedClientId).OnDelete(DeleteBehavior.Restrict);

        // Keyset paging and filters of the leads list (sort key + Id).
        builder.HasIndex(l => new { l.CreatedAt, l.Id });
        builder.HasIndex(l => new { l.Status, l.CreatedAt });
        builder.HasIndex(l => new { l.OwnerId, l.Status });
        builder.HasIndex(l => l.Temperature);
        builder.HasIndex(l => l.FirstResponseDueAt); // overdue first responses (T1, T2)
        builder.HasIndex(l => l.NextContactAt);      // next contact due (T6)
        builder.HasIndex(l => l.PostponedUntil);     // re-contact postponed leads (C7)
        // Duplicate detection: an open lead with the same phone or e-mail.
        builder.HasIndex(l => l.Phone);
        builder.HasIndex(l => l.Email);
        // One person, one open lead: the database refuses a second holder of a phone or e-mail (nulls never collide).
        builder.HasIndex(l => l.PhoneClaim).IsUnique();
        builder.HasIndex(l => l.EmailClaim).IsUnique();
        // Idempotent submission: one lead per (source, key); nulls never collide. The key leads (see Activity's index).
        builder.HasIndex(l => new { l.IdempotencyKey, l.SubmissionSource }).IsUnique();
        // KPI aggregations: leads per channel over time, conversion over time. The lead funnel and first-response KPIs
        // read every lead of a range by creation time and group it by bucket and a dimension: on PostgreSQL
        // and SQL Server the index carries the columns they read, so they are index-only scans that never touch the
        // wide lead rows (SQLite has no included columns).
        var kpi = builder.HasIndex(l => new { l.CreatedAt, l.Channel });
        NpgsqlIndexBuilderExtensions.IncludeProperties(kpi, KpiColumns);
        SqlServerIndexBuilderExtensions.IncludeProperties(kpi, KpiColumns);
        builder.HasIndex(l => l.ConvertedAt);
        // Days to conversion (median and average, which no day rollup can give): only the converted leads of a range,
        // about one in eight, with the columns the grouping reads.
        var converted = builder.HasIndex(l => l.CreatedAt).HasFilter("\"ConvertedAt\" IS NOT NULL").HasDatabaseName("IX_Leads_CreatedAt_Converted");
        NpgsqlIndexBuilderExtensions.IncludeProperties(converted, ConvertedColumns);
        SqlServerIndexBuilderExtensions.IncludeProperties(converted, ConvertedColumns);
        // The median days to conversion reads only the leads of the histogram cells (LeadConversionRollup) that hold the
        // middle rank: the converted leads of a creation range that took a given number of whole days.
        builder.Property<int?>(ConversionTime.DaysProperty);
        var cell = builder.HasIndex(ConversionTime.DaysProperty, nameof(Lead.CreatedAt)).HasFilter("\"ConvertedAt\" IS NOT NULL");
        NpgsqlIndexBuilderExtensions.IncludeProperties(cell, CellColumns);
        SqlServerIndexBuilderExtensions.IncludeProperties(cell, CellColumns);
        builder.HasIndex(l => l.QualifiedAt); // the KPIs counting leads qualified in a range
        // Partner views: referred/submitted leads and leads distributed to a dealer (R12).
        builder.HasIndex(l => new { l.PartnerId, l.CreatedAt });
        builder.HasIndex(l => new { l.AssignedPartnerId, l.CreatedAt });
    }
}
