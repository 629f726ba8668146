using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using static Platform.Api.Security.StaffRoles;

namespace Platform.Api.Security;

/// <summary>
/// The authorization policies GraphQL fields name (<see cref="FieldAccess"/>), each defined by who passes it in
/// <see cref="Callers"/>. Unlisted query fields need <see cref="CrmRead"/>, unlisted mutations <see cref="CrmWrite"/>.
/// </summary>
public static class Policies
{
    /// <summary>Read CRM data.</summary>
    public const string CrmRead = "crm:read";

    /// <summary>Read leads and referral data; a partner sees only its own (partner isolation in the data layer).</summary>
    public const string LeadsRead = "leads:read";

    /// <summary>Work leads, clients, deals and orders (a manager only their own).</summary>
    public const string CrmWrite = "crm:write";

    /// <summary>Submit a lead.</summary>
    public const string LeadsSubmit = "leads:submit";

    /// <summary>Import leads from a file, each row as a trusted <c>submitLead</c>: integrations and senior staff, who see every lead.</summary>
    public const string LeadsImport = "leads:import";

    /// <summary>Receive deal and order events: CRM readers and BI clients.</summary>
    public const string SalesEventsRead = "sales-events:read";

    /// <summary>Read KPI aggregates.</summary>
    public const string KpiRead = "kpi:read";

    /// <summary>Read what partners are owed and paid, and partner contact data; a partner only its own.</summary>
    public const string PartnerAccountsRead = "partner-accounts:read";

    /// <summary>Manage partners, programs, referral codes and lead distribution; approve rewards and record payouts.</summary>
    public const string ReferralsAdmin = "referrals:admin";

    /// <summary>Set the sales plan.</summary>
    public const string SalesPlanWrite = "sales-plan:write";

    /// <summary>Set the marketing plan and record marketing spend.</summary>
    public const string MarketingWrite = "marketing:write";

    /// <summary>Manage one's own webhook subscriptions (admins: everyone's); what they deliver is limited by the event policies.</summary>
    public const string WebhooksManage = "webhooks:manage";

    /// <summary>Read the API's metrics (<c>/metrics</c>): admins, and clients granted <c>metrics:read</c>.</summary>
    public const string MetricsRead = "metrics:read";

    /// <summary>Manage consent texts, erase a person and hand a person their data: staff admins only.</summary>
    public const string PrivacyAdmin = "privacy:admin";

    /// <summary>Staff users only (any role); introspection in Production.</summary>
    public const string Staff = "staff";

    /// <summary>Who passes a policy: a staff user with one of <paramref name="Roles"/>, a token with one of <paramref name="Scopes"/>,
    /// or, with <paramref name="Partners"/>, a token bound to a partner (scope <c>partner</c>).</summary>
    public sealed record Access(string[] Roles, string[] Scopes, bool Partners = false);

    /// <summary>The policies and who passes each: the access matrix, with <see cref="FieldAccess"/> naming the policy of every field.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Callers = new Dictionary<string, Access>
    {
        [CrmRead] = new([Admin, HeadOfSales, Manager, Marketer], [Security.Scopes.CrmRead]),
        [LeadsRead] = new([Admin, HeadOfSales, Manager, Marketer], [Security.Scopes.CrmRead], Partners: true),
        [CrmWrite] = new([Admin, HeadOfSales, Manager], [Security.Scopes.CrmWrite]),
        [LeadsSubmit] = new([Admin, HeadOfSales, Manager, Marketer], [Security.Scopes.LeadsSubmit, Security.Scopes.CrmWrite], Partners: true),
        [LeadsImport] = new([Admin, HeadOfSales], [Security.Scopes.CrmWrite]),
        [SalesEventsRead] = new([Admin, HeadOfSales, Manager, Marketer], [Security.Scopes.CrmRead, Security.Scopes.KpiRead]),
        [KpiRead] = new([Admin, HeadOfSales, Manager, Marketer], [Security.Scopes.KpiRead]),
        [PartnerAccountsRead] = new([Admin, HeadOfSales], [Security.Scopes.CrmRead], Partners: true),
        [ReferralsAdmin] = new([Admin, HeadOfSales], [Security.Scopes.ReferralsAdmin]),
        [SalesPlanWrite] = new([Admin, HeadOfSales], [Security.Scopes.PlansWrite]),
        [MarketingWrite] = new([Admin, HeadOfSales, Marketer], [Security.Scopes.PlansWrite]),
        [WebhooksManage] = new([Admin], [Security.Scopes.CrmRead, Security.Scopes.KpiRead], Partners: true),
        [MetricsRead] = new([Admin], [Security.Scopes.MetricsRead]),
        [PrivacyAdmin] = new([Admin], []),
        [Staff] = new([Admin, HeadOfSales, Manager, Marketer], []),
    };

    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, access) in Callers)
            builder.AddPolicy(policy, p => p.RequireAssertion(c => Passes(c.User, access)));
        return builder;
    }

    private static bool Passes(ClaimsPrincipal user, Access access) =>
        access.Roles.Any(user.IsInRole) || access.Scopes.Any(user.HasScope) || (access.Partners && IsPartner(user));

    private static bool IsPartner(ClaimsPrincipal user) => user.HasScope(Security.Scopes.Partner) && user.HasClaim(claim => claim.Type == PlatformClaims.PartnerId);
}
