using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Domain.Clients;
using Platform.Domain.Kpis;
using Platform.Domain.Leads;

namespace Platform.Data;

/// <summary>
/// The <see cref="RevenueRollup"/> rows a save makes: for every client whose paid orders change (this save's
/// <see cref="OrderMonthRollup"/> rows), whose owner or origin lead changes, or whose origin lead's channel, landing page,
/// temperature, origin or partner changes, its contribution after the save minus its contribution before. A client's
/// contribution to a bucket (month or quarter, currency) is its orders and net sum there, one paying client if it has an
/// order and one repeat client if it has two, under each dimension's value. The figures before are read under a row
/// lock on the client (and on the leads whose values move), in the save's transaction — begun here when the caller has
/// none — so concurrent changes of one client see each other's figures; SQLite has one writer at a time anyway.
/// </summary>
internal static class RevenueRollupDeltas
{
    private sealed record ClientRow(long Id, long? OwnerId, long? OriginLeadId);

    private sealed record LeadRow(long Id, string? Channel, string? LandingPage, LeadTemperature Temperature, LeadOrigin Origin, long? PartnerId, long? AssignedPartnerId);

    private sealed record MonthRow(long ClientId, int Month, string Currency, int Orders, long Net);

    private static readonly LeadRollupDimension[] Dimensions = Enum.GetValues<LeadRollupDimension>();

    /// <summary>The rows, and the transaction begun for them (to commit after the save) when the caller had none.</summary>
    public static async Task<(List<RevenueRollup> Rows, IDbContextTransaction? Transaction)> OfAsync(
        PlatformDbContext db, List<OrderMonthRollup> orderRows, bool sync, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var paying = orderRows.Where(r => r.Client is null).Select(r => r.ClientId).ToHashSet();
        var newClients = orderRows.Where(r => r.Client is not null).Select(r => r.Client!).Distinct().ToList();
        var movedClients = tracker.Entries<Client>()
            .Where(e => e.State == EntityState.Modified && (Changed(e, c => c.OwnerId) || Changed(e, c => c.OriginLeadId)))
            .ToList();
        var changedLeads = tracker.Entries<Lead>()
            .Where(e => e.State == EntityState.Modified && LeadValues(LeadDayDeltas.Original(e)) != LeadValues(e.Entity))
            .Select(e => e.Entity.Id)
            .ToList();
        if (paying.Count == 0 && newClients.Count == 0 && movedClients.Count == 0 && changedLeads.Count == 0)
            return ([], null);

        var transaction = db.Database.CurrentTransaction is not null ? null
            : sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(ct);
        try
        {
            return (await ComputeAsync(db, orderRows, paying, newClients, movedClients, changedLeads, sync, ct), transaction);
        }
        catch
        {
            transaction?.Dispose();
            throw;
        }
    }

    private static async Task<List<RevenueRollup>> ComputeAsync(PlatformDbContext db, List<OrderMonthRollup> orderRows, HashSet<long> paying,
        List<Client> newClients, List<EntityEntry<Client>> movedClients, List<long> changedLeads, bool sync, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        // Leads before clients, in id order, everywhere: a change of a lead's values waits for a client moving to or
        // from it, and neither waits for the other while holding what the other needs.
        var leadLocks = changedLeads
            .Concat(movedClients.SelectMany(e => new[] { e.Property(c => c.OriginLeadId).OriginalValue, e.Entity.OriginLeadId }).OfType<long>())
            .ToHashSet();
        await LockAsync(db, "Leads", leadLocks, sync, ct);
        var clientIds = paying.Concat(movedClients.Select(e => e.Entity.Id)).ToHashSet();
        if (changedLeads.Count > 0)
        {
            var ofLeads = db.Clients.IgnoreQueryFilters().Where(c => c.OriginLeadId != null && changedLeads.Contains(c.OriginLeadId.Value)).Select(c => c.Id);
            clientIds.UnionWith(sync ? ofLeads.ToList() : await ofLeads.ToListAsync(ct));
        }
        await LockAsync(db, "Clients", clientIds, sync, ct);

        // The figures before the save: read after the locks, so they include every change committed before ours.
        var clientsQuery = db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => clientIds.Contains(c.Id)).Select(c => new ClientRow(c.Id, c.OwnerId, c.OriginLeadId));
        var clients = sync ? clientsQuery.ToList() : await clientsQuery.ToListAsync(ct);
        var monthsQuery = db.OrderMonthRollups.AsNoTracking().Where(r => clientIds.Contains(r.ClientId))
            .GroupBy(r => new { r.ClientId, r.Month, r.Currency })
            .Select(g => new MonthRow(g.Key.ClientId, g.Key.Month, g.Key.Currency, g.Sum(r => r.Orders), g.Sum(r => r.NetMinor)));
        var months = (sync ? monthsQuery.ToList() : await monthsQuery.ToListAsync(ct)).ToLookup(m => m.ClientId);
        var trackedClients = tracker.Entries<Client>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Property(c => c.Id).CurrentValue);
        var trackedLeads = tracker.Entries<Lead>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Property(l => l.Id).CurrentValue);
        var after = clients.Select(c => trackedClients.TryGetValue(c.Id, out var e)
            ? new ClientRow(c.Id, Saved(e, x => x.OwnerId, c.OwnerId), Saved(e, x => x.OriginLeadId, c.OriginLeadId)) : c).ToList();
        var leadIds = clients.Concat(after).Select(c => c.OriginLeadId)
            .Concat(newClients.Select(c => tracker.Context.Entry(c).Property(x => x.OriginLeadId).CurrentValue))
            .OfType<long>().ToHashSet();
        var leadsQuery = db.Leads.IgnoreQueryFilters().AsNoTracking().Where(l => leadIds.Contains(l.Id))
            .Select(l => new LeadRow(l.Id, l.Channel, l.LandingPage, l.Temperature, l.Origin, l.PartnerId, l.AssignedPartnerId));
        var stored = (sync ? leadsQuery.ToList() : await leadsQuery.ToListAsync(ct)).ToDictionary(l => l.Id);

        // The values after the save: what it writes (added rows, changed columns), else what is stored.
        string?[] Values(ClientRow client, bool afterSave)
        {
            var lead = client.OriginLeadId is not { } id ? null
                : afterSave && trackedLeads.TryGetValue(id, out var e) ? SavedLead(e, stored.GetValueOrDefault(id))
                : stored.GetValueOrDefault(id);
            string?[] values = lead is null ? new string?[5]
                : [lead.Channel, lead.LandingPage, lead.Temperature.ToString(), lead.Origin.ToString(), (lead.PartnerId ?? lead.AssignedPartnerId)?.ToString(CultureInfo.InvariantCulture)];
            return [null, values[0], values[1], values[2], values[3], client.OwnerId?.ToString(CultureInfo.InvariantCulture), values[4]];
        }

        var savedOfClient = orderRows.Where(r => r.Client is null).ToLookup(r => r.ClientId);
        var deltas = new Dictionary<(RollupPeriod, int, string, LeadRollupDimension, string?), RevenueFigures>();
        for (var i = 0; i < clients.Count; i++)
        {
            var before = months[clients[i].Id].ToDictionary(m => (m.Month, m.Currency), m => (m.Orders, m.Net));
            Add(deltas, Values(clients[i], afterSave: false), before, -1);
            Add(deltas, Values(after[i], afterSave: true), Plus(before, savedOfClient[clients[i].Id]), 1);
        }
        foreach (var client in newClients)
        {
            var row = new ClientRow(0, client.OwnerId, tracker.Context.Entry(client).Property(x => x.OriginLeadId).CurrentValue);
            Add(deltas, Values(row, afterSave: true), Plus([], orderRows.Where(r => ReferenceEquals(r.Client, client))), 1);
        }

        var rows = deltas.Where(d => !d.Value.IsZero).Select(d => new RevenueRollup
        {
            Period = d.Key.Item1,
            Bucket = d.Key.Item2,
            Currency = d.Key.Item3,
            Dimension = d.Key.Item4,
            Value = d.Key.Item5,
            Orders = d.Value.Orders,
            NetMinor = d.Value.Net,
            Clients = d.Value.Clients,
            RepeatClients = d.Value.RepeatClients,
        }).ToList();
        return rows;
    }

    /// <summary>Adds a client's contribution (<paramref name="sign"/> −1 subtracts it) to every bucket, currency and dimension value it has orders in.</summary>
    private static void Add(Dictionary<(RollupPeriod, int, string, LeadRollupDimension, string?), RevenueFigures> deltas,
        string?[] values, Dictionary<(int Month, string Currency), (int Orders, long Net)> months, int sign)
    {
        var quarters = months
            .GroupBy(m => (Quarter: m.Key.Month / 3, m.Key.Currency))
            .Select(g => (RollupPeriod.Quarter, g.Key.Quarter, g.Key.Currency, Orders: g.Sum(m => m.Value.Orders), Net: g.Sum(m => m.Value.Net)));
        var buckets = months.Select(m => (RollupPeriod.Month, m.Key.Month, m.Key.Currency, m.Value.Orders, m.Value.Net)).Concat(quarters);
        foreach (var (period, bucket, currency, orders, net) in buckets)
        {
            if (orders == 0 && net == 0)
                continue;
            var figures = RevenueFigures.Of(orders, net, sign);
            for (var i = 0; i < Dimensions.Length; i++)
            {
                var key = (period, bucket, currency, Dimensions[i], values[i]);
                deltas[key] = deltas.GetValueOrDefault(key) + figures;
            }
        }
    }

    private static Dictionary<(int Month, string Currency), (int Orders, long Net)> Plus(
        Dictionary<(int Month, string Currency), (int Orders, long Net)> before, IEnumerable<OrderMonthRollup> saved)
    {
        var after = new Dictionary<(int Month, string Currency), (int Orders, long Net)>(before);
        foreach (var row in saved)
        {
            var (orders, net) = after.GetValueOrDefault((row.Month, row.Currency));
            after[(row.Month, row.Currency)] = (orders + row.Orders, net + row.NetMinor);
        }
        return after;
    }

    /// <summary>Takes the row locks of <paramref name="ids"/> in id order until the transaction ends (no-op on SQLite, whose transaction locks the database).</summary>
    private static async Task LockAsync(PlatformDbContext db, string table, IReadOnlyCollection<long> ids, bool sync, CancellationToken ct)
    {
        if (ids.Count == 0 || db.Database.IsSqlite())
            return;
        var list = string.Join(", ", ids.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var sql = db.Database.IsSqlServer()
            ? $"SELECT \"Id\" FROM \"{table}\" WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE \"Id\" IN ({list})"
            : $"SELECT \"Id\" FROM \"{table}\" WHERE \"Id\" IN ({list}) ORDER BY \"Id\" FOR UPDATE";
        if (sync)
            db.Database.ExecuteSqlRaw(sql);
        else
            await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private static bool Changed<T>(EntityEntry<Client> entry, Expression<Func<Client, T>> property)
    {
        var p = entry.Property(property);
        return !EqualityComparer<T>.Default.Equals(p.OriginalValue, p.CurrentValue);
    }

    /// <summary>The value a save leaves in a column: the entity's if it inserts the row or updates the column, else the stored one.</summary>
    private static T Saved<TEntity, T>(EntityEntry<TEntity> entry, Expression<Func<TEntity, T>> property, T stored) where TEntity : class =>
        entry.State == EntityState.Added || entry.Property(property).IsModified ? entry.Property(property).CurrentValue : stored;

    private static LeadRow SavedLead(EntityEntry<Lead> e, LeadRow? stored) => stored is null
        ? new LeadRow(e.Entity.Id, e.Entity.Channel, e.Entity.LandingPage, e.Entity.Temperature, e.Entity.Origin, e.Entity.PartnerId, e.Entity.AssignedPartnerId)
        : new LeadRow(stored.Id, Saved(e, l => l.Channel, stored.Channel), Saved(e, l => l.LandingPage, stored.LandingPage), Saved(e, l => l.Temperature, stored.Temperature),
            Saved(e, l => l.Origin, stored.Origin), Saved(e, l => l.PartnerId, stored.PartnerId), Saved(e, l => l.AssignedPartnerId, stored.AssignedPartnerId));

    /// <summary>The values of the lead dimensions a change of which moves the revenue of the lead's clients.</summary>
    private static (string?, string?, LeadTemperature, LeadOrigin, long?) LeadValues(Lead lead) =>
        (lead.Channel, lead.LandingPage, lead.Temperature, lead.Origin, lead.PartnerId ?? lead.AssignedPartnerId);
}
