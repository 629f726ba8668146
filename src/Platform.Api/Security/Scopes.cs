namespace Platform.Api.Security;

/// <summary>
/// The OAuth scopes the API grants; each client kind gets a fixed set and may be granted a few more when the client
/// is added (<see cref="ClientKinds"/>).
/// </summary>
public static class Scopes
{
    public const string LeadsSubmit = "leads:submit";
    public const string Partner = "partner";
    public const string KpiRead = "kpi:read";
    public const string CrmRead = "crm:read";
    public const string CrmWrite = "crm:write";

    /// <summary>Manage partners, programs, referral codes, lead distribution, reward approval and payouts.</summary>
    public const string ReferralsAdmin = "referrals:admin";

    /// <summary>Set the sales and marketing plans and record marketing spend.</summary>
    public const string PlansWrite = "plans:write";

    /// <summary>Scrape the API's metrics (<c>/metrics</c>); nothing else.</summary>
    public const string MetricsRead = "metrics:read";

    public static readonly string[] All = [LeadsSubmit, Partner, KpiRead, CrmRead, CrmWrite, ReferralsAdmin, PlansWrite, MetricsRead];
}
