using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Kpis;
using Platform.Data;
using Platform.DemoData;
using Platform.Domain;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Orders;

namespace Platform.Benchmarks;

/// <summary>
/// Seeds a KPI-sized dataset fast: <c>leads</c> leads over the two years before <c>now</c> (channels, temperatures,
/// origins, request types, managers, partners, first responses, conversions with timings), one client per converted
/// lead, <c>deals</c> deals of those clients (won, lost or open, with close dates) and <c>orders</c> orders (mostly
/// paid, some placed, refunded or cancelled; EUR and USD, loyalty discounts). The team, partners and codes come from
/// <see cref="DemoDataset"/> (seeded with no leads); the bulk rows go through <see cref="BulkWriter"/>: binary COPY on
/// PostgreSQL, prepared INSERTs in one transaction on SQLite. Rows honour the real schema: foreign keys (the
/// lead ↔ client cycle is closed by one UPDATE after the clients exist), non-null columns and the version
/// (concurrency token) 1 of a new row. Deterministic: a fixed random seed. Payments, activities and referrals are
/// left out (no KPI of the benchmark reads them).
/// </summary>
internal static class BulkSeeder
{
    private const int Chunk = 50_000;
    private const string Actor = "bulk-seeder";

    private static readonly (string Channel, int Weight)[] Channels =
    [
        (LeadChannels.LandingPage, 22), (LeadChannels.Website, 18), (LeadChannels.ContextualAds, 12), (LeadChannels.ColdCall, 10),
        (LeadChannels.EmailCampaign, 8), (LeadChannels.Social, 8), (LeadChannels.Recommendation, 6), (LeadChannels.Partner, 6),
        (LeadChannels.Retargeting, 4), (LeadChannels.Exhibition, 2), (LeadChannels.Webinar, 2), (LeadChannels.Other, 2),
    ];

    private static readonly string[] LandingPages = ["website-redesign", "crm-setup", "seo-audit", "mobile-app"];

    private sealed record Converted(long LeadId, DateTime At, long? OwnerId, string Currency);

    public static async Task SeedAsync(PlatformDbContext db, int leadCount, int dealCount, int orderCount, DateTime now, CancellationToken ct = default)
    {
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        await DemoDataset.SeedAsync(db, 0, now, ct); // team, partners, referral codes, landing key
        var staff = await db.StaffUsers.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync(ct);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(ct);
        var random = new Random(DemoDataset.RandomSeed);
        var writer = new BulkWriter(db);
        var start = now.AddDays(-730);
        var watch = Stopwatch.StartNew();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Leads, in chunks; the converted ones are remembered for their clients.
            var converted = new List<Converted>(leadCount / 5);
            var leadId = await writer.NextIdAsync<Lead>(ct);
            var phone = 0L;
            for (var first = 0; first < leadCount; first += Chunk)
            {
                var leads = new List<Lead>(Math.Min(Chunk, leadCount - first));
                for (var i = first; i < Math.Min(first + Chunk, leadCount); i++)
                {
                    var lead = Lead(random, staff, partners, start, now, i, leadCount, ++phone);
                    lead.Id = leadId++;
                    leads.Add(lead);
                    if (lead.ConvertedAt is { } at)
                        converted.Add(new Converted(lead.Id, at, lead.OwnerId, random.NextDouble() < 0.85 ? Currencies.Eur : "USD"));
                }
                await writer.WriteAsync(leads, ct);
            }
            await writer.ResetIdentityAsync<Lead>(ct);
            // Statistics now: the foreign-key checks of the clients' COPY would otherwise plan for an empty table.
            await writer.ExecuteAsync("ANALYZE \"Leads\"", ct);
            Console.WriteLine($"  {leadCount} leads ({converted.Count} converted) in {watch.Elapsed.TotalSeconds:F1} s");

            // One client per converted lead, then the lead → client link (the cycle of foreign keys).
            var clientId = await writer.NextIdAsync<Client>(ct);
            var clients = new (long Id, Converted From)[converted.Count];
            for (var first = 0; first < converted.Count; first += Chunk)
            {
                var chunk = new List<Client>();
                for (var i = first; i < Math.Min(first + Chunk, converted.Count); i++)
                {
                    var c = converted[i];
                    clients[i] = (clientId, c);
                    chunk.Add(Stamp(new Client
                    {
                        Id = clientId++,
                        Name = $"Bulk client {i + 1}",
                        Kind = random.NextDouble() < 0.8 ? ClientKind.Company : ClientKind.Person,
                        OwnerId = c.OwnerId,
                        OriginLeadId = c.LeadId,
                        LoyaltyCategory = LoyaltyCategory.Potential,
                    }, c.At));
                }
                await writer.WriteAsync(chunk, ct);
            }
            await writer.ResetIdentityAsync<Client>(ct);
            await writer.ExecuteAsync("ANALYZE \"Clients\"", ct);
            await writer.ExecuteAsync("""UPDATE "Leads" SET "ConvertedClientId" = (SELECT c."Id" FROM "Clients" AS c WHERE c."OriginLeadId" = "Leads"."Id") WHERE "ConvertedAt" IS NOT NULL""", ct);
            Console.WriteLine($"  {clients.Length} clients in {watch.Elapsed.TotalSeconds:F1} s");

            if (clients.Length == 0 && (dealCount > 0 || orderCount > 0))
                throw new InvalidOperationException("No lead converted: deals and orders need clients; seed more leads.");

            // Deals of random clients: a few days to months after conversion; won, lost or still open.
            var dealId = await writer.NextIdAsync<Deal>(ct);
            var stages = await db.PipelineStages.AsNoTracking().Where(s => s.PipelineId == DefaultPipeline.PipelineId).ToDictionaryAsync(s => s.Code, s => s.Id, ct);
            string[] open = [PipelineStageCodes.New, PipelineStageCodes.Contacted, PipelineStageCodes.NeedsIdentified, PipelineStageCodes.ProposalSent, PipelineStageCodes.StartOfWorkAgreed, PipelineStageCodes.ContractInvoiced];
            var firstDealOf = new HashSet<long>();
            for (var first = 0; first < dealCount; first += Chunk)
            {
                var deals = new List<Deal>();
                for (var i = first; i < Math.Min(first + Chunk, dealCount); i++)
                {
                    var (cid, c) = clients[random.Next(clients.Length)];
                    var created = Before(now, c.At.AddDays(Math.Min(random.NextDouble() * 120, 720)));
                    var closed = Before(now.AddDays(1), created.AddDays(LogNormal(random, median: 21, spread: 0.8)));
                    var outcome = random.NextDouble();
                    var stage = closed >= now ? open[random.Next(open.Length)]
                        : outcome < 0.55 ? PipelineStageCodes.Won : outcome < 0.85 ? PipelineStageCodes.Lost : open[random.Next(open.Length)];
                    var isClosed = stage is PipelineStageCodes.Won or PipelineStageCodes.Lost;
                    deals.Add(Stamp(new Deal
                    {
                        Id = dealId++,
                        ClientId = cid,
                        LeadId = firstDealOf.Add(cid) ? c.LeadId : null,
                        PipelineId = DefaultPipeline.PipelineId,
                        StageId = stages[stage],
                        OwnerId = c.OwnerId,
                        Title = $"Bulk deal {i + 1}",
                        AmountMinor = (long)LogNormal(random, median: 250_000, spread: 0.9),
                        Currency = c.Currency,
                        ClosedAt = isClosed ? closed : null,
                        LostReason = stage == PipelineStageCodes.Lost ? "Chose a cheaper offer" : null,
                    }, created));
                }
                await writer.WriteAsync(deals, ct);
            }
            await writer.ResetIdentityAsync<Deal>(ct);
            await writer.ExecuteAsync("ANALYZE \"Deals\"", ct);
            Console.WriteLine($"  {dealCount} deals in {watch.Elapsed.TotalSeconds:F1} s");

            // Orders: spread over random clients (repeat buyers get several), numbered per client in time order.
            var perClient = new int[clients.Length];
            for (var i = 0; i < orderCount; i++)
                perClient[random.NextDouble() < 0.5 ? random.Next(clients.Length) : random.Next(Math.Max(1, clients.Length / 4))]++;
            var orderId = await writer.NextIdAsync<Order>(ct);
            var orders = new List<Order>(Chunk + 64);
            for (var k = 0; k < clients.Length; k++)
            {
                var (cid, c) = clients[k];
                var times = Enumerable.Range(0, perClient[k])
                    .Select(_ => Before(now.AddMinutes(-1), c.At.AddDays(1 + random.NextDouble() * Math.Max(1, (now - c.At).TotalDays))))
                    .Order().ToArray();
                for (var n = 0; n < times.Length; n++)
                {
                    var placed = Sec(times[n]);
                    var roll = random.NextDouble();
                    var status = roll < 0.76 ? OrderStatus.Paid : roll < 0.86 ? OrderStatus.Placed : roll < 0.90 ? OrderStatus.Refunded
                        : roll < 0.97 ? OrderStatus.Cancelled : OrderStatus.PartiallyPaid;
                    var paidAt = status is OrderStatus.Paid or OrderStatus.Refunded ? Before(now, placed.AddHours(1 + random.NextDouble() * 240)) : (DateTime?)null;
                    var gross = (long)LogNormal(random, median: 80_000, spread: 0.8);
                    var discount = (n + 1) % 10 == 0 ? gross / 10 : (n + 1) % 5 == 0 ? gross / 20 : 0; // every 5th/10th order (D4)
                    orders.Add(Stamp(new Order
                    {
                        Id = orderId++,
                        ClientId = cid,
                        Number = n + 1,
                        GrossAmountMinor = gross,
                        DiscountAmountMinor = discount,
                        NetAmountMinor = gross - discount,
                        Currency = c.Currency,
                        PaymentMode = random.NextDouble() < 0.9 ? PaymentMode.Single : PaymentMode.Installment,
                        Status = status,
                        PlacedAt = placed,
                        PaidAt = paidAt,
                        CancelledAt = status == OrderStatus.Cancelled ? placed.AddDays(2) : null,
                        RefundedAt = status == OrderStatus.Refunded ? Before(now, paidAt!.Value.AddDays(7)) : null,
                    }, placed));
                }
                if (orders.Count >= Chunk)
                {
                    await writer.WriteAsync(orders, ct);
                    orders.Clear();
                }
            }
            await writer.WriteAsync(orders, ct);
            await writer.ResetIdentityAsync<Order>(ct);
            Console.WriteLine($"  {orderCount} orders in {watch.Elapsed.TotalSeconds:F1} s");

            await transaction.CommitAsync(ct);
            // COPY bypasses SaveChanges, which keeps the KPI rollups: recompute them from the leads and orders, as an
            // operator does after a bulk load, and check them against the leads and orders.
            await LeadDayRollups.RebuildAsync(db, line => Console.WriteLine($"  rollups: {line}"), ct);
            await LeadConversionRollups.RebuildAsync(db, line => Console.WriteLine($"  rollups: {line}"), ct);
            await OrderMonthRollups.RebuildAsync(db, line => Console.WriteLine($"  rollups: {line}"), ct);
            await RevenueRollups.RebuildAsync(db, line => Console.WriteLine($"  rollups: {line}"), ct);
            await CheckRollupsAsync(db, start, now, ct);
            Console.WriteLine($"  KPI rollups rebuilt and checked in {watch.Elapsed.TotalSeconds:F1} s");
            // Fresh statistics and visibility map, as autovacuum would eventually give: index-only scans depend on them.
            await writer.ExecuteAsync(writer.IsPostgres ? "VACUUM ANALYZE" : "ANALYZE", ct);
            Console.WriteLine($"  committed and analyzed in {watch.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Throws unless the rollups give, for every dimension, the monthly counts and days to conversion the leads give, and the monthly revenue totals the orders give, for every dimension.</summary>
    private static async Task CheckRollupsAsync(PlatformDbContext db, DateTime start, DateTime now, CancellationToken ct)
    {
        var (from, to) = (start.Date, now.Date.AddDays(1));
        foreach (var dimension in new KpiDimension?[] { null }.Concat(Enum.GetValues<KpiDimension>().Cast<KpiDimension?>()))
        {
            var fromLeads = await LeadDayRollups.DetailCountsAsync(db.Leads.AsNoTracking(), KpiBucket.Month, dimension, ct);
            var fromRollups = await LeadDayRollups.CountsAsync(db, from, to, KpiBucket.Month, dimension, ct);
            if (!Sorted(fromLeads).SequenceEqual(Sorted(fromRollups)))
                throw new InvalidOperationException($"The KPI rollups by {dimension?.ToString() ?? "nothing"} differ from the leads.");
            var conversions = await LeadConversionRollups.StatsAsync(db, from, to, KpiBucket.Month, dimension, ct);
            if (!LeadConversionRollups.Same(conversions, await LeadConversionRollups.DetailStatsAsync(db, db.Leads.AsNoTracking(), KpiBucket.Month, dimension, ct)))
                throw new InvalidOperationException($"The conversion-time rollups by {dimension?.ToString() ?? "nothing"} differ from the leads.");
        }

        var revenue = new RevenueKpis(db);
        var (first, end) = (KpiBuckets.OrdinalOf(KpiBucket.Month)(from), KpiBuckets.OrdinalOf(KpiBucket.Month)(to) + 1);
        foreach (var dimension in new KpiDimension?[] { null }.Concat(Enum.GetValues<KpiDimension>().Cast<KpiDimension?>()))
        {
            var fromOrders = await revenue.DetailTotalsAsync(KpiBuckets.Start(KpiBucket.Month, first), KpiBuckets.Start(KpiBucket.Month, end), KpiBucket.Month, dimension, ct);
            var fromRollups = await RevenueRollups.TotalsAsync(db, first, end, KpiBucket.Month, dimension, ct);
            if (!Sorted(fromOrders).SequenceEqual(Sorted(fromRollups)))
                throw new InvalidOperationException($"The revenue rollups by {dimension?.ToString() ?? "nothing"} differ from the orders.");
        }
    }

    private static IEnumerable<LeadCount> Sorted(List<LeadCount> counts) => counts.OrderBy(c => c.Bucket).ThenBy(c => c.Dimension, StringComparer.Ordinal);

    private static IEnumerable<RevenueTotal> Sorted(List<RevenueTotal> totals) =>
        totals.OrderBy(t => t.Bucket).ThenBy(t => t.Dimension, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal);

    private static Lead Lead(Random random, long[] staff, long[] partners, DateTime start, DateTime now, int index, int total, long phone)
    {
        // Evenly spread over the two years, in index order.
        var created = Sec(start + (now.AddMinutes(-5) - start) * ((index + random.NextDouble()) / total));
        var channel = Weighted(random, Channels);
        var temperature = channel switch
        {
            LeadChannels.ColdCall => LeadTemperature.Cold,
            LeadChannels.Recommendation or LeadChannels.Partner => random.NextDouble() < 0.6 ? LeadTemperature.Hot : LeadTemperature.Warm,
            _ => random.NextDouble() switch { < 0.35 => LeadTemperature.Cold, < 0.8 => LeadTemperature.Warm, _ => LeadTemperature.Hot },
        };
        var origin = channel switch
        {
            LeadChannels.Recommendation or LeadChannels.Partner => LeadOrigin.Seed,
            LeadChannels.ColdCall => LeadOrigin.Spear,
            _ => LeadOrigin.Net,
        };
        var request = random.NextDouble() switch
        {
            < 0.4 => RequestType.Consultation, < 0.55 => RequestType.OnlineEstimate, < 0.7 => RequestType.DemoDownload,
            < 0.85 => RequestType.Callback, < 0.95 => RequestType.DirectCall, _ => RequestType.Other,
        };
        var owner = random.NextDouble() < 0.9 ? staff[random.Next(staff.Length)] : (long?)null;
        DateTime? responded = owner is null || random.NextDouble() < 0.12 ? null
            : Before(now, created.AddMinutes(LogNormal(random, median: request == RequestType.DemoDownload ? 50 : 90, spread: 1.1)));
        var conversion = temperature switch { LeadTemperature.Cold => 0.07, LeadTemperature.Warm => 0.16, _ => 0.32 };
        DateTime? convertedAt = responded is not null && random.NextDouble() < conversion
            ? created.AddDays(LogNormal(random, median: 12, spread: 0.9)) : null;
        if (convertedAt >= now)
            convertedAt = null;
        convertedAt = convertedAt is { } c ? Sec(c) : null;
        var status = convertedAt is not null ? LeadStatus.Converted
            : responded is null ? (owner is null ? LeadStatus.New : LeadStatus.Assigned)
            : random.NextDouble() switch { < 0.45 => LeadStatus.Refused, < 0.6 => LeadStatus.Postponed, < 0.75 => LeadStatus.Qualified, _ => LeadStatus.InProgress };
        var lead = new Lead
        {
            FirstName = "Bulk",
            LastName = $"Lead {index + 1}",
            Phone = $"+37369{phone % 10_000_000:0000000}",
            Email = $"lead{index + 1}@bulk.example.com",
            Channel = channel,
            LandingPage = channel == LeadChannels.LandingPage ? LandingPages[random.Next(LandingPages.Length)] : null,
            RequestType = request,
            Temperature = temperature,
            Origin = origin,
            Status = status,
            OwnerId = owner,
            AssignedAt = owner is null ? null : created.AddMinutes(2),
            FirstResponseDueAt = created.AddHours(request == RequestType.DemoDownload ? 2 : 24),
            FirstRespondedAt = responded,
            TouchCount = responded is null ? 0 : 1 + random.Next(6),
            PartnerId = channel == LeadChannels.Partner ? partners[random.Next(partners.Length)] : null,
            AssignedPartnerId = channel != LeadChannels.Partner && random.NextDouble() < 0.03 ? partners[random.Next(partners.Length)] : null,
            MarketingConsent = random.NextDouble() < 0.4,
            RefusedAt = status == LeadStatus.Refused ? responded!.Value.AddDays(1) : null,
            RefusedBy = status == LeadStatus.Refused ? RefusedBy.Client : null,
            QualifiedAt = status == LeadStatus.Qualified ? responded!.Value.AddHours(4) : null,
            ConvertedAt = convertedAt,
        };
        return Stamp(lead, created, convertedAt ?? responded ?? created);
    }

    private static T Stamp<T>(T entity, DateTime created, DateTime? updated = null) where T : Entity
    {
        entity.CreatedAt = created;
        entity.UpdatedAt = updated ?? created;
        entity.CreatedBy = Actor;
        entity.UpdatedBy = Actor;
        entity.Version = 1;
        return entity;
    }

    private static DateTime Sec(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static DateTime Before(DateTime limit, DateTime t) => Sec(t < limit ? t : limit.AddSeconds(-1));

    /// <summary>A log-normal value with the given median; <paramref name="spread"/> is σ of the logarithm.</summary>
    private static double LogNormal(Random random, double median, double spread)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(spread * gaussian);
    }

    private static string Weighted(Random random, (string Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
                return value;
        }
        return choices[^1].Value;
    }
}
