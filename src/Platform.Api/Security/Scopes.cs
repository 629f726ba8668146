namespace Platform.Api.Security;

/// <summary>The OAuth scopes the API grants; each client kind gets a fixed set (<see cref="ClientKinds"/>).</summary>
public static class Scopes
{
    public const string LeadsSubmit = "leads:submit";
    public const string Partner = "partner";
    public const string KpiRead = "kpi:read";
    public const string CrmRead = "crm:read";
    public const string CrmWrite = "crm:write";

    public static readonly string[] All = [LeadsSubmit, Partner, KpiRead, CrmRead, CrmWrite];
}
