using Microsoft.EntityFrameworkCore;
using Platform.Api.Clients;
using Platform.Api.Deals;
using Platform.Api.Leads;
using Platform.Api.Referrals;
using Platform.Api.Security;
using Platform.Domain.Bulk;
using Platform.Domain.Clients;
using Platform.Domain.Deals;
using Platform.Domain.Leads;
using Platform.Domain.Orders;
using Platform.Domain.Referrals;

namespace Platform.Api.Bulk;

/// <summary>
/// What each export type holds and who may start one: the list field's policy and filter, read through the same
/// data-layer filters (partner isolation, a manager's leads) as the caller's own queries. See docs/bulk.md.
/// </summary>
public static class BulkExportSources
{
    public static readonly IReadOnlyList<BulkExportSource> All =
    [
        new BulkExportSource<Lead>(BulkExportType.Leads, "leads", Policies.LeadsRead, "leadFilter", holdsPersonalData: true, LeadExportColumns.Columns,
            (input, normalizer) =>
            {
                input.LeadFilter?.NormalizeSearch(normalizer);
                return input.LeadFilter;
            },
            (db, filter, now) => StoredFilter.Read<LeadFilter>(filter).Apply(db.Leads.AsNoTracking(), now)),
        new BulkExportSource<Client>(BulkExportType.Clients, "clients", Policies.CrmRead, "clientFilter", holdsPersonalData: true, ClientExportColumns.Columns,
            (input, _) => input.ClientFilter,
            (db, filter, _) => StoredFilter.Read<ClientFilter>(filter).Apply(db.Clients.AsNoTracking())),
        // Orders are listed per client (`clients { orders }`), with no filter of their own.
        new BulkExportSource<Order>(BulkExportType.Orders, "clients { orders }", Policies.CrmRead, null, holdsPersonalData: false, OrderExportColumns.Columns,
            (_, _) => null,
            (db, _, _) => db.Orders.AsNoTracking()),
        new BulkExportSource<Deal>(BulkExportType.Deals, "deals", Policies.CrmRead, "dealFilter", holdsPersonalData: false, DealExportColumns.Columns,
            (input, _) => input.DealFilter,
            (db, filter, _) => StoredFilter.Read<DealFilter>(filter).Apply(db.Deals.AsNoTracking())),
        new BulkExportSource<Referral>(BulkExportType.Referrals, "referrals", Policies.LeadsRead, "referralFilter", holdsPersonalData: false, ReferralExportColumns.Columns,
            (input, _) => input.ReferralFilter,
            (db, filter, _) => StoredFilter.Read<ReferralFilter>(filter).Apply(db.Referrals.AsNoTracking())),
        new BulkExportSource<Reward>(BulkExportType.Rewards, "rewards", Policies.PartnerAccountsRead, "rewardFilter", holdsPersonalData: false, RewardExportColumns.Columns,
            (input, _) => input.RewardFilter,
            (db, filter, _) => StoredFilter.Read<RewardFilter>(filter).Apply(db.Rewards.AsNoTracking(), db.Referrals)),
        // Activities are listed per lead (`leads { activities }`), so a manager's are those of their own leads; those
        // about a client or deal alone go to everyone who reads the CRM, as clients and deals do.
        new BulkExportSource<Activity>(BulkExportType.Activities, "leads { activities }", Policies.CrmRead, null, holdsPersonalData: true, ActivityExportColumns.Columns,
            (_, _) => null,
            (db, _, _) => db.Activities.AsNoTracking().Where(a => a.LeadId == null || db.Leads.Any(l => l.Id == a.LeadId))),
    ];

    public static BulkExportSource Of(BulkExportType type) => All.Single(s => s.Type == type);
}
