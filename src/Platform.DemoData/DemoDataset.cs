using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;

namespace Platform.DemoData;

/// <summary>
/// Deterministic, realistic demo data: a sales team of eight, three partners with a referral
/// program and codes, the demo landing key, and <c>leadCount</c> leads spread over the year before <c>now</c> with
/// activities, conversions (about 20 %) into clients with contacts, deals in the default pipeline,
/// orders with loyalty discounts and payments, referrals with rewards and payouts, quarterly plans
/// and marketing spend. The same arguments always give the same data (fixed random seed).
/// Inserted in chunks with the change tracker cleared in between, so 100,000 leads are fine.
/// For Development and tests only: it holds an active landing key whose value is public.
/// </summary>
public static partial class DemoDataset
{
    /// <summary>Number of leads <see cref="SeedIfEmptyAsync"/> seeds unless told otherwise.</summary>
    public const int DefaultLeadCount = 200;

    /// <summary>The fixed random seed.</summary>
    public const int RandomSeed = 20_250_601;

    /// <summary>Leads per chunk (one set of SaveChanges calls; the change tracker is cleared after each).</summary>
    private const int ChunkSize = 1000;

    /// <summary>The publishable landing key of the demo landing page (examples/landing-page).</summary>
    public const string DemoLandingKey = "lk_demo_website_redesign";

    /// <summary>The name stamped as creator of demo rows.</summary>
    public const string Actor = "demo-data";

    /// <summary>
    /// Seeds the demo data into <paramref name="db"/>, which must be migrated and hold the default
    /// pipeline. Does not check for existing data (<see cref="SeedIfEmptyAsync"/> does).
    /// </summary>
    /// <param name="db">The context to insert through; its change tracker is cleared afterwards.</param>
    /// <param name="leadCount">Number of leads (0 or more); the default demo has <see cref="DefaultLeadCount"/>.</param>
    /// <param name="now">The present moment (UTC): all generated times are before it, future dates (plans, re-contacts) after it.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task SeedAsync(PlatformDbContext db, int leadCount, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(leadCount);
        now = Truncate(now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : DateTime.SpecifyKind(now, DateTimeKind.Utc));

        var seeder = new Seeder(db, now, new Random(RandomSeed));
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Only new rows and explicit entry changes: no need to scan thousands of tracked rows per save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await seeder.RunAsync(leadCount, ct).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Seeds <paramref name="leadCount"/> demo leads with everything around them at the services' present time, unless the
    /// migrated database already holds leads, staff, partners or landing keys: the demo never mixes with other data, and a
    /// second run changes nothing. Returns whether it seeded; <paramref name="seeding"/> hears when it starts to.
    /// </summary>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, int leadCount = DefaultLeadCount, Action<string>? seeding = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Leads.AnyAsync(ct).ConfigureAwait(false)
            || await db.StaffUsers.AnyAsync(ct).ConfigureAwait(false)
            || await db.Partners.AnyAsync(ct).ConfigureAwait(false)
            || await db.LandingKeys.AnyAsync(ct).ConfigureAwait(false))
        {
            return false;
        }

        seeding?.Invoke($"Seeding {leadCount} demo leads with their team, partners, clients, deals and orders…");
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await SeedAsync(db, leadCount, now, ct).ConfigureAwait(false);
        return true;
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
