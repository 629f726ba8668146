using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Domain.Auditing;
using Platform.Domain.Bulk;
using Platform.Domain.Clients;
using Platform.Data.Leases;
using Platform.Data.Outbox;
using Platform.Domain.Deals;
using Platform.Domain.Events;
using Platform.Domain.Imports;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Privacy;
using Platform.Domain.Referrals;
using Platform.Domain.Staff;
using Platform.Domain.Webhooks;

namespace Platform.Data;

/// <summary>
/// The platform's database: every table of the product. Resolve this type from DI; it is backed
/// by a provider-specific subclass (<see cref="SqliteDbContext"/>, <see cref="PostgresDbContext"/>,
/// <see cref="SqlServerDbContext"/>) chosen by the <c>Database:Provider</c> setting, each with its
/// own migrations. Staff sign-in accounts are ASP.NET Core Identity users and roles in the same database.
/// </summary>
public abstract partial class PlatformDbContext : IdentityDbContext<IdentityUser>
{
    /// <summary>Maximum length of stored enum names.</summary>
    internal const int EnumMaxLength = 40;

    /// <summary>Creates a context working for the system until <see cref="WorkFor"/>; called by the provider-specific subclasses.</summary>
    protected PlatformDbContext(DbContextOptions options)
        : base(options)
    {
        WorkFor(new SystemActor());
    }

    /// <summary>
    /// Who this context works for: stamped on changes (<see cref="AuditStampInterceptor"/>) and, for partners and
    /// managers, the scope of every query (partner isolation, lead ownership).
    /// </summary>
    public ICurrentActor Actor { get; private set; }

    /// <summary>
    /// The kind of caller this context's model was chosen for (filters per kind, <see cref="PartnerScopedModelCacheKeyFactory"/>),
    /// fixed when the context starts working for its actor; <see cref="ActorKindGuard"/> refuses commands once the actor
    /// is of another kind.
    /// </summary>
    internal ActorKind ModelKind { get; private set; }

    /// <summary>
    /// Makes this (new or pooled) context work for <paramref name="actor"/>, with no outbox work left from an earlier use.
    /// Call before the context's first query: a pooled context keeps the model of its <see cref="ModelKind"/>.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Actor))]
    internal void WorkFor(ICurrentActor actor)
    {
        Actor = actor;
        ModelKind = ActorKinds.Of(actor);
        PendingOutbox = null;
        HasUncommittedOutboxRows = false;
    }

    /// <summary>Sales team members.</summary>
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    /// <summary>Leads.</summary>
    public DbSet<Lead> Leads => Set<Lead>();

    /// <summary>Touches and tasks on leads, clients and deals.</summary>
    public DbSet<Activity> Activities => Set<Activity>();

    /// <summary>Anonymous interest, not yet a lead.</summary>
    public DbSet<Interest> Interests => Set<Interest>();

    /// <summary>Publishable landing-page keys.</summary>
    public DbSet<LandingKey> LandingKeys => Set<LandingKey>();

    /// <summary>Lead submissions rejected as spam.</summary>
    public DbSet<RejectedSubmission> RejectedSubmissions => Set<RejectedSubmission>();

    /// <summary>Form tokens landing-page submissions used (each makes one submission).</summary>
    public DbSet<UsedFormToken> UsedFormTokens => Set<UsedFormToken>();

    /// <summary>Clients.</summary>
    public DbSet<Client> Clients => Set<Client>();

    /// <summary>Contact persons at clients.</summary>
    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>Sales pipelines.</summary>
    public DbSet<Pipeline> Pipelines => Set<Pipeline>();

    /// <summary>Pipeline stages.</summary>
    public DbSet<PipelineStage> PipelineStages => Set<PipelineStage>();

    /// <summary>Deals.</summary>
    public DbSet<Deal> Deals => Set<Deal>();

    /// <summary>Deal stage history.</summary>
    public DbSet<DealStageChange> DealStageChanges => Set<DealStageChange>();

    /// <summary>Orders.</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>Payments and refunds.</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary>Partner organisations.</summary>
    public DbSet<Partner> Partners => Set<Partner>();

    /// <summary>Referral programs.</summary>
    public DbSet<ReferralProgram> ReferralPrograms => Set<ReferralProgram>();

    /// <summary>Partners eligible for programs not open to every partner.</summary>
    public DbSet<ReferralProgramPartner> ReferralProgramPartners => Set<ReferralProgramPartner>();

    /// <summary>Referral codes.</summary>
    public DbSet<ReferralCode> ReferralCodes => Set<ReferralCode>();

    /// <summary>Referrals (lead attributions).</summary>
    public DbSet<Referral> Referrals => Set<Referral>();

    /// <summary>Referral rewards.</summary>
    public DbSet<Reward> Rewards => Set<Reward>();

    /// <summary>Reward payouts to partners.</summary>
    public DbSet<Payout> Payouts => Set<Payout>();

    /// <summary>Quarterly sales plans.</summary>
    public DbSet<SalesPlan> SalesPlans => Set<SalesPlan>();

    /// <summary>Quarterly marketing plans per channel.</summary>
    public DbSet<MarketingPlan> MarketingPlans => Set<MarketingPlan>();

    /// <summary>Marketing spend per channel and period.</summary>
    public DbSet<MarketingSpend> MarketingSpends => Set<MarketingSpend>();

    /// <summary>Lead counts per creation day and dimension value, kept by <see cref="KpiRollupInterceptor"/>.</summary>
    public DbSet<LeadDayRollup> LeadDayRollups => Set<LeadDayRollup>();

    /// <summary>Converted leads and their summed conversion times per creation day, dimension value and whole days to conversion, kept by <see cref="KpiRollupInterceptor"/>.</summary>
    public DbSet<LeadConversionRollup> LeadConversionRollups => Set<LeadConversionRollup>();

    /// <summary>Paid orders and their net sum per month, currency and client, kept by <see cref="KpiRollupInterceptor"/>.</summary>
    public DbSet<OrderMonthRollup> OrderMonthRollups => Set<OrderMonthRollup>();

    /// <summary>Paid orders, net sum, paying and repeat clients per month or quarter, currency and dimension value, kept by <see cref="KpiRollupInterceptor"/>.</summary>
    public DbSet<RevenueRollup> RevenueRollups => Set<RevenueRollup>();

    /// <summary>Versions of the marketing consent wording forms show.</summary>
    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();

    /// <summary>The consent evidence of every accepted submission.</summary>
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    /// <summary>Hashed phones and e-mails whose submissions are refused.</summary>
    public DbSet<Suppression> Suppressions => Set<Suppression>();

    /// <summary>The append-only audit log.</summary>
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    /// <summary>Committed changes as integrations receive them, written in each change's transaction (<see cref="OutboxInterceptor"/>).</summary>
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    /// <summary>Receivers of signed event deliveries.</summary>
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    /// <summary>Events to deliver to webhook subscriptions, and how each delivery went.</summary>
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>Callers' whole-data-set exports, run as jobs by any node.</summary>
    public DbSet<BulkExport> BulkExports => Set<BulkExport>();

    /// <summary>Files callers uploaded to import leads from.</summary>
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();

    /// <summary>Callers' lead imports, run as jobs by any node.</summary>
    public DbSet<LeadImport> LeadImports => Set<LeadImport>();

    /// <summary>What became of each row of a lead import.</summary>
    public DbSet<LeadImportRow> LeadImportRows => Set<LeadImportRow>();

    /// <summary>Work one node of a fleet does at a time, and which node holds it (<see cref="DatabaseLeases"/>).</summary>
    public DbSet<Lease> Leases => Set<Lease>();

    /// <summary>The outbox work of the save in progress.</summary>
    internal OutboxWork? PendingOutbox { get; set; }

    /// <summary>Whether this context saved outbox rows its transaction has not committed yet.</summary>
    internal bool HasUncommittedOutboxRows { get; set; }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name, so the database stays readable and reordering members is safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(EnumMaxLength);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Staff sign-in accounts: ASP.NET Core Identity's users, roles, claims, logins and tokens.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        // OAuth applications, authorizations, scopes and tokens (OpenIddict's stores).
        modelBuilder.UseOpenIddict();
        ApplyPartnerIsolation(modelBuilder);
        ApplyLeadOwnership(modelBuilder);
    }
}
